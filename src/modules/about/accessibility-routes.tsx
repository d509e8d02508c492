// The accessibility statement that Swedish public-sector services must publish (lag 2018:1937
// om tillgänglighet till digital offentlig service), linked from every page's footer.
import type { FastifyInstance } from 'fastify';
import { Layout } from '../../ui/layout.tsx';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';

export function registerAccessibilityRoutes(app: FastifyInstance): void {
  app.get('/tillganglighet', async (request, reply) => {
    const page = pageContext(request, reply);
    const text = page.m.accessibilityStatement;
    return sendPage(
      reply,
      <Layout page={page} title={text.title} variant={page.actor.kind === 'user' ? 'app' : 'survey'}>
        <div class="narrow">
          <h1>{text.title}</h1>
          <p class="lead">{text.intro}</p>
          <h2>{text.statusTitle}</h2>
          <p>{text.status}</p>
          <h2>{text.howTitle}</h2>
          <ul class="list">
            {text.how.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          <h2>{text.knownTitle}</h2>
          <p>{text.known}</p>
          <h2>{text.reportTitle}</h2>
          <p>{text.report}</p>
          <h2>{text.supervisionTitle}</h2>
          <p>{text.supervision}</p>
        </div>
      </Layout>,
    );
  });
}
