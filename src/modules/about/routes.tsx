// GET /tillganglighet: the accessibility statement, linked from every page's footer. No input,
// no data and no access check: the page is the same for everyone (in the visitor's language).
import type { FastifyInstance } from 'fastify';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { AccessibilityPage } from './views/accessibility-page.tsx';

export function registerAccessibilityRoutes(app: FastifyInstance): void {
  app.get('/tillganglighet', async (request, reply) => sendPage(reply, <AccessibilityPage page={pageContext(request, reply)} />));
}
