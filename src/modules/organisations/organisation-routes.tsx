// The dashboard (/) and an organisation's page: its rounds, units and federation members.
import { TableHead } from '../../ui/table-head.tsx';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError, isAppError } from '../../app/errors.ts';
import { canViewResults } from '../../access/results-policy.ts';
import { canManageOrganisation } from '../../access/organisation-policy.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { pick } from '../../i18n/messages.ts';
import { Button, CsrfField, ErrorSummary, SelectField, TextField, type FieldErrors } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import { pageContext, redirectWithFlash, type PageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { listRounds, type RoundWithInstruments } from '../rounds/round-service.ts';
import { addUnit, getOrganisation, listMembers, listUnits, listVisibleOrganisations, removeUnit, renameUnit, type OrganisationSummary, type UnitNode } from './organisation-service.ts';
import type { Organisation } from '../../db/schema.ts';
import { comparableJointInstruments } from '../joint/presenter.ts';
import { JointCompareLinks } from '../joint/views/compare-links.tsx';
import { maturityInstruments } from '../federation/service.ts';
import { FederationMaturityLinks } from '../federation/views/links.tsx';
import { federationOf } from './federation-lookup.ts';

const idParams = z.object({ orgId: z.uuid() });

function roleLabel(page: PageContext, organisation: OrganisationSummary): string {
  const { actor, m } = page;
  if (actor.kind !== 'user') return '';
  const own = actor.roles.get(organisation.id);
  if (own) return m.roles[own];
  if (actor.viaFederation.has(organisation.id)) return m.roles.federationAnalyst;
  return actor.isOperator ? m.roles.operator : '';
}

function Dashboard({ page, organisations }: { page: PageContext; organisations: OrganisationSummary[] }) {
  const { m } = page;
  return (
    <Layout page={page} title={m.dashboard.title}>
      <h1>{m.dashboard.title}</h1>
      <p class="lead">{m.dashboard.intro}</p>
      {organisations.length === 0 ? (
        <p>{m.dashboard.noOrganisations}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{m.dashboard.title}</caption>
          <TableHead columns={[m.operator.name, m.dashboard.kind, m.dashboard.role, m.dashboard.latestRound, { label: m.organisation.responseRate, numeric: true }]} />
          <tbody>
            {organisations.map((organisation) => (
              <tr>
                <th scope="row">
                  <a href={`/org/${organisation.id}`}>{organisation.name}</a>
                </th>
                <td>
                  {m.kinds[organisation.kind]}
                  {organisation.memberCount > 0 ? ` (${m.dashboard.members(organisation.memberCount)})` : ''}
                </td>
                <td>{roleLabel(page, organisation)}</td>
                <td>
                  {organisation.latestRound ? (
                    <>
                      <a href={`/rounds/${organisation.latestRound.id}`}>{organisation.latestRound.name}</a>{' '}
                      <span class={`tag tag-${organisation.latestRound.status}`}>{m.roundStatus[organisation.latestRound.status]}</span>
                      {organisation.latestRound.status !== 'draft' && canViewResults(page.actor, { organisation_id: organisation.id }) ? (
                        <>
                          {' '}
                          <a href={`/rounds/${organisation.latestRound.id}/results`}>
                            {m.results.linkFromRound}
                            <span class="visually-hidden"> – {organisation.latestRound.name}</span>
                          </a>
                        </>
                      ) : null}
                    </>
                  ) : (
                    m.organisation.noRounds
                  )}
                </td>
                <td class="numeric">
                  {organisation.latestRound && organisation.latestRound.respondents > 0
                    ? `${formatPercent(page.locale, organisation.latestRound.submitted / organisation.latestRound.respondents)} (${organisation.latestRound.submitted}/${organisation.latestRound.respondents})`
                    : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

interface OrganisationPageProps {
  page: PageContext;
  organisation: Organisation;
  rounds: RoundWithInstruments[];
  units: UnitNode[];
  members: Organisation[];
  canManage: boolean;
  unitErrors: FieldErrors;
  unitForm: { name: string; parentId: string };
  instrumentName: (key: string) => string;
  /** Joint instruments that can be compared across the federation (issue 4). */
  jointInstruments?: Array<{ key: string; name: string }>;
  /** Instruments with maturity results, compared across the federation's members. */
  maturityInstruments?: Array<{ key: string; name: string }>;
  /** A member of a federation also reaches the federation's comparisons (anonymised). */
  inFederation?: boolean;
}

function OrganisationPage(props: OrganisationPageProps) {
  const { page, organisation, rounds, units, members, canManage, unitErrors } = props;
  const { m, locale } = page;
  return (
    <Layout page={page} title={organisation.name}>
      <ErrorSummary m={m} errors={unitErrors} />
      <p class="caption">{m.kinds[organisation.kind]}</p>
      <h1>{organisation.name}</h1>
      {canManage ? (
        <p>
          <a href={`/org/${organisation.id}/audit`}>{m.personalData.audit.organisationTitle(organisation.name)}</a>
        </p>
      ) : null}
      <dl class="summary-list">
        {organisation.org_number ? (
          <div>
            <dt>{m.organisation.orgNumber}</dt>
            <dd>{organisation.org_number}</dd>
          </div>
        ) : null}
        {organisation.size ? (
          <div>
            <dt>{m.organisation.size}</dt>
            <dd>
              {organisation.kind === 'myndighet'
                ? m.organisation.employees(formatNumber(locale, organisation.size))
                : m.organisation.inhabitants(formatNumber(locale, organisation.size))}
            </dd>
          </div>
        ) : null}
      </dl>

      <h2>{m.organisation.rounds}</h2>
      {rounds.length === 0 ? <p>{m.organisation.noRounds}</p> : (
        <table class="table">
          <caption class="visually-hidden">{m.organisation.rounds}</caption>
          <TableHead columns={[m.rounds.name, m.organisation.year, m.rounds.instruments, m.organisation.status]} />
          <tbody>
            {rounds.map((round) => (
              <tr>
                <th scope="row">
                  <a href={`/rounds/${round.id}`}>{round.name}</a>
                </th>
                <td>{round.year}</td>
                <td>{round.instruments.map((instrument) => props.instrumentName(instrument.key)).join(', ')}</td>
                <td>
                  <span class={`tag tag-${round.status}`}>{m.roundStatus[round.status]}</span>
                  {round.status !== 'draft' && canViewResults(page.actor, round) ? (
                    <>
                      {' '}
                      <a href={`/rounds/${round.id}/results`}>
                        {m.results.linkFromRound}
                        <span class="visually-hidden"> – {round.name}</span>
                      </a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage ? (
        <p>
          <a class="button button-secondary" href={`/org/${organisation.id}/rounds/new`}>
            {m.organisation.newRound}
          </a>
        </p>
      ) : null}

      <h2>{m.costs.navLink}</h2>
      <p>{m.costs.navHint}</p>
      <p>
        <a href={`/org/${organisation.id}/costs`}>{m.costs.navLink}</a>
      </p>

      <h2>{m.reportPages.navLink}</h2>
      <p>{m.reportPages.navHint}</p>
      <p>
        <a href={`/org/${organisation.id}/reports`}>{m.reportPages.navLink}</a>
      </p>

      {(members.length > 0 || props.inFederation) && props.maturityInstruments && props.maturityInstruments.length > 0 ? (
        <FederationMaturityLinks page={page} organisationId={organisation.id} instruments={props.maturityInstruments} />
      ) : null}

      {(members.length > 0 || props.inFederation) && props.jointInstruments && props.jointInstruments.length > 0 ? (
        <JointCompareLinks m={m} organisationId={organisation.id} instruments={props.jointInstruments} />
      ) : null}

      {members.length > 0 ? (
        <>
          <h2>{m.organisation.members}</h2>
          <ul class="list">
            {members.map((member) => (
              <li>
                <a href={`/org/${member.id}`}>{member.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{m.organisation.units}</h2>
      <p>{m.organisation.unitsIntro}</p>
      {units.length === 0 ? <p>{m.organisation.noUnits}</p> : (
        <ul class="unit-tree">
          {units.map((unit) => (
            <li class={`depth-${Math.min(unit.depth, 4)}`}>
              {unit.name}
              {canManage ? (
                <details class="unit-edit">
                  <summary>{m.organisation.editUnit(unit.name)}</summary>
                  <form method="post" action={`/org/${organisation.id}/units/${unit.id}/rename`} class="inline-form">
                    <CsrfField token={page.csrfToken} />
                    <TextField m={m} id={`unit-${unit.id}-name`} name="name" label={m.organisation.newUnitName} value={unit.name} width="medium" />
                    <Button variant="secondary">{m.organisation.renameUnit}</Button>
                  </form>
                  <form method="post" action={`/org/${organisation.id}/units/${unit.id}/delete`} class="inline-form">
                    <CsrfField token={page.csrfToken} />
                    <Button variant="warning">{m.organisation.removeUnit}</Button>
                  </form>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <form method="post" action={`/org/${organisation.id}/units`} class="panel" novalidate>
          <h3>{m.organisation.addUnit}</h3>
          <CsrfField token={page.csrfToken} />
          <TextField m={m} id="unit-name" name="name" label={m.organisation.unitName} value={props.unitForm.name} error={unitErrors['unit-name']} />
          <SelectField
            m={m}
            id="unit-parent"
            name="parentId"
            label={m.organisation.unitParent}
            value={props.unitForm.parentId}
            options={[
              { value: '', label: m.organisation.unitParentNone },
              ...units.map((unit) => ({ value: unit.id, label: unit.path.join(' / ') })),
            ]}
          />
          <Button variant="secondary">{m.organisation.addUnit}</Button>
        </form>
      ) : null}
    </Layout>
  );
}

const unitFormSchema = z.object({
  name: z.string().trim().max(200).default(''),
  parentId: z.string().default(''),
});

export function registerOrganisationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const instrumentName = (locale: 'sv' | 'en') => (key: string) => {
    const instrument = ctx.instruments.get(key);
    return instrument ? pick(instrument.name, locale) : key;
  };

  app.get('/', async (request, reply) => {
    if (request.actor.kind !== 'user') return reply.redirect('/login');
    const organisations = await listVisibleOrganisations(ctx, request.actor);
    return sendPage(reply, <Dashboard page={pageContext(request, reply)} organisations={organisations} />);
  });

  const showOrganisation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    orgId: string,
    unitErrors: FieldErrors = {},
    unitForm = { name: '', parentId: '' },
  ) => {
    const organisation = await getOrganisation(ctx, request.actor, orgId);
    const [rounds, units, members, federation] = await Promise.all([
      listRounds(ctx, request.actor, orgId),
      listUnits(ctx, request.actor, orgId),
      organisation.kind === 'kommunalforbund' ? listMembers(ctx, request.actor, orgId) : Promise.resolve([]),
      federationOf(ctx, orgId),
    ]);
    return sendPage(
      reply,
      <OrganisationPage
        page={pageContext(request, reply)}
        organisation={organisation}
        rounds={rounds}
        units={units}
        members={members}
        canManage={canManageOrganisation(request.actor, orgId)}
        unitErrors={unitErrors}
        unitForm={unitForm}
        instrumentName={instrumentName(request.locale)}
        jointInstruments={comparableJointInstruments(ctx, request.locale)}
        maturityInstruments={maturityInstruments(ctx).map((instrument) => ({ key: instrument.key, name: pick(instrument.name, request.locale) }))}
        inFederation={federation !== null && federation.federation.id !== orgId}
      />,
      Object.keys(unitErrors).length > 0 ? 400 : 200,
    );
  };

  app.get('/org/:orgId', async (request, reply) => {
    const { orgId } = parseParams(request.params);
    return showOrganisation(request, reply, orgId);
  });

  const unitParams = z.object({ orgId: z.uuid(), unitId: z.uuid() });

  app.post('/org/:orgId/units/:unitId/rename', async (request, reply) => {
    const params = unitParams.safeParse(request.params);
    if (!params.success) throw new AppError('not_found');
    const { orgId, unitId } = params.data;
    const form = unitFormSchema.parse(request.body ?? {});
    const m = request.m;
    if (!form.name) return showOrganisation(request, reply, orgId, { [`unit-${unitId}-name`]: m.organisation.unitNameRequired });
    try {
      await renameUnit(ctx, request.actor, orgId, unitId, form.name);
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') return showOrganisation(request, reply, orgId, { [`unit-${unitId}-name`]: m.organisation.unitExists });
      throw error;
    }
    return redirectWithFlash(reply, `/org/${orgId}`, m.organisation.unitRenamed);
  });

  app.post('/org/:orgId/units/:unitId/delete', async (request, reply) => {
    const params = unitParams.safeParse(request.params);
    if (!params.success) throw new AppError('not_found');
    const { orgId, unitId } = params.data;
    try {
      await removeUnit(ctx, request.actor, orgId, unitId);
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') return redirectWithFlash(reply, `/org/${orgId}`, request.m.organisation.unitInUse);
      throw error;
    }
    return redirectWithFlash(reply, `/org/${orgId}`, request.m.organisation.unitRemoved);
  });

  app.post('/org/:orgId/units', async (request, reply) => {
    const { orgId } = parseParams(request.params);
    const form = unitFormSchema.parse(request.body ?? {});
    const m = request.m;
    if (!form.name) return showOrganisation(request, reply, orgId, { 'unit-name': m.organisation.unitNameRequired }, form);
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

function parseParams(params: unknown): { orgId: string } {
  const result = idParams.safeParse(params);
  if (!result.success) throw new AppError('not_found');
  return result.data;
}
