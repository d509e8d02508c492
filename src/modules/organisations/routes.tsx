// The dashboard (/) and an organisation's page with its unit forms. Each route validates
// (schema.ts), calls the organisation service (which asks the organisation policy), presents
// (presenter.ts) and renders a page (views/).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { isAppError } from '../../app/errors.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseInput, parseParams, validateForm } from '../../web/validate.ts';
import { presentDashboard, presentOrganisation } from './presenter.ts';
import { orgParams, unitBody, unitNameForm, unitParams, type UnitBody } from './schema.ts';
import { addUnit, getOrganisationOverview, listVisibleOrganisations, removeUnit, renameUnit } from './service.ts';
import { presentMemberStudies } from '../studies/presenter.ts';
import { organisationStudies } from '../studies/service.ts';
import { DashboardPage } from './views/dashboard-page.tsx';
import { OrganisationPage } from './views/organisation-page.tsx';

export function registerOrganisationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/', async (request, reply) => {
    if (request.actor.kind !== 'user') return reply.redirect('/login');
    const organisations = await listVisibleOrganisations(ctx, request.actor);
    return sendPage(reply, <DashboardPage page={pageContext(request, reply)} organisations={presentDashboard(organisations, request.actor, request.m)} />);
  });

  const showOrganisation = async (request: FastifyRequest, reply: FastifyReply, orgId: string, unitErrors: FieldErrors = {}, unitForm: UnitBody = { name: '', parentId: '' }) => {
    const overview = await getOrganisationOverview(ctx, request.actor, orgId);
    const studies = await organisationStudies(ctx, request.actor, orgId);
    return sendPage(
      reply,
      <OrganisationPage
        page={pageContext(request, reply)}
        model={presentOrganisation(ctx, overview, request.actor, request.locale)}
        studies={{ federation: studies.federationStudies, member: presentMemberStudies(request.m, request.locale, studies.memberParts) }}
        unitErrors={unitErrors}
        unitForm={unitForm}
      />,
      Object.keys(unitErrors).length > 0 ? 400 : 200,
    );
  };

  /** The unit name's message, or null when the name may be saved. */
  const unitNameError = (request: FastifyRequest, form: UnitBody): string | null => {
    const result = validateForm(unitNameForm, form, () => request.m.organisation.unitNameRequired);
    return result.ok ? null : (result.errors.name ?? request.m.organisation.unitNameRequired);
  };

  app.get('/org/:orgId', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    return showOrganisation(request, reply, orgId);
  });

  app.post('/org/:orgId/units/:unitId/rename', async (request, reply) => {
    const { orgId, unitId } = parseParams(unitParams, request.params);
    const form = parseInput(unitBody, request.body);
    const m = request.m;
    const field = `unit-${unitId}-name`;
    const error = unitNameError(request, form);
    if (error) return showOrganisation(request, reply, orgId, { [field]: error });
    try {
      await renameUnit(ctx, request.actor, orgId, unitId, form.name);
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') return showOrganisation(request, reply, orgId, { [field]: m.organisation.unitExists });
      throw error;
    }
    return redirectWithFlash(reply, `/org/${orgId}`, m.organisation.unitRenamed);
  });

  app.post('/org/:orgId/units/:unitId/delete', async (request, reply) => {
    const { orgId, unitId } = parseParams(unitParams, request.params);
    try {
      await removeUnit(ctx, request.actor, orgId, unitId);
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') return redirectWithFlash(reply, `/org/${orgId}`, request.m.organisation.unitInUse);
      throw error;
    }
    return redirectWithFlash(reply, `/org/${orgId}`, request.m.organisation.unitRemoved);
  });

  app.post('/org/:orgId/units', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    const form = parseInput(unitBody, request.body);
    const m = request.m;
    const error = unitNameError(request, form);
    if (error) return showOrganisation(request, reply, orgId, { 'unit-name': error }, form);
    try {
      await addUnit(ctx, request.actor, orgId, { name: form.name, parentId: form.parentId || null });
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') {
        return showOrganisation(request, reply, orgId, { 'unit-name': m.organisation.unitExists }, form);
      }
      throw error;
    }
    return redirectWithFlash(reply, `/org/${orgId}`, m.organisation.unitAdded(form.name));
  });
}
