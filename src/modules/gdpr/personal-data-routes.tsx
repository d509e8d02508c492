// GET /personuppgifter: what Mogna keeps about people, for how long and who sees it. Linked
// from every page's footer (the app and the survey); English through ?lang=en like every page.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { TextPage } from '../../ui/text-page.tsx';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';

export function registerPersonalDataRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/personuppgifter', async (request, reply) => {
    const page = pageContext(request, reply);
    const text = page.m.personalData.page;
    const months = ctx.config.RESPONDENT_DATA_MONTHS;
    const respondents = [...text.respondents.slice(0, 2), text.respondentsLifetime(months), ...text.respondents.slice(2)];
    return sendPage(
      reply,
      <TextPage
        page={page}
        title={text.title}
        intro={text.intro}
        sections={[
          { title: text.respondentsTitle, body: respondents },
          { title: text.accountsTitle, body: text.accounts },
          { title: text.logTitle, body: text.log },
          { title: text.rightsTitle, body: text.rights },
        ]}
      />,
    );
  });
}
