// GET /personuppgifter: what Mogna keeps about people, for how long and who sees it. Linked
// from every page's footer (the app and the survey); English through ?lang=en like every page.
// The sweep, register extract and erasure run on the server only (`mogna gdpr`, the timer).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { PersonalDataPage } from './views/personal-data-page.tsx';

export function registerPersonalDataRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/personuppgifter', async (request, reply) =>
    sendPage(reply, <PersonalDataPage page={pageContext(request, reply)} lifetimeMonths={ctx.config.RESPONDENT_DATA_MONTHS} />),
  );
}
