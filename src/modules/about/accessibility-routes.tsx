// The accessibility statement that Swedish public-sector services must publish (lag 2018:1937
// om tillgänglighet till digital offentlig service), linked from every page's footer.
import type { FastifyInstance } from 'fastify';
import { TextPage } from '../../ui/text-page.tsx';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';

export function registerAccessibilityRoutes(app: FastifyInstance): void {
  app.get('/tillganglighet', async (request, reply) => {
    const page = pageContext(request, reply);
    const text = page.m.accessibilityStatement;
    return sendPage(
      reply,
      <TextPage
        page={page}
        title={text.title}
        intro={text.intro}
        sections={[
          { title: text.statusTitle, body: text.status },
          { title: text.howTitle, body: text.how },
          { title: text.knownTitle, body: text.known },
          { title: text.reportTitle, body: text.report },
          { title: text.supervisionTitle, body: text.supervision },
        ]}
      />,
    );
  });
}
