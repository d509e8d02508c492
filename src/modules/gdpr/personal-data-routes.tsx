// GET /personuppgifter: what Mogna keeps about people, for how long and who sees it. Linked
// from every page's footer (the app and the survey); English through ?lang=en like every page.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { Layout } from '../../ui/layout.tsx';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';

export function registerPersonalDataRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/personuppgifter', async (request, reply) => {
    const page = pageContext(request, reply);
    const text = page.m.personalData.page;
    const months = ctx.config.RESPONDENT_DATA_MONTHS;
    return sendPage(
      reply,
      <Layout page={page} title={text.title} variant={page.actor.kind === 'user' ? 'app' : 'survey'}>
        <div class="narrow">
          <h1>{text.title}</h1>
          <p class="lead">{text.intro}</p>
          <h2>{text.respondentsTitle}</h2>
          <ul class="list">
            {[...text.respondents.slice(0, 2), text.respondentsLifetime(months), ...text.respondents.slice(2)].map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          <h2>{text.accountsTitle}</h2>
          <ul class="list">
            {text.accounts.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          <h2>{text.logTitle}</h2>
          <p>{text.log}</p>
          <h2>{text.rightsTitle}</h2>
          <p>{text.rights}</p>
        </div>
      </Layout>,
    );
  });
}
