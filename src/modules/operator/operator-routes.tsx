// The platform operator's page: every organisation, adding organisations and accounts.
import { TableHead } from '../../ui/table-head.tsx';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { isAppError } from '../../app/errors.ts';
import { authorizeOperatePlatform } from '../../access/organisation-policy.ts';
import type { MembershipRole, OrganisationKind } from '../../db/schema.ts';
import { Button, CsrfField, ErrorSummary, SelectField, TextField, type FieldErrors } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import { pageContext, redirectWithFlash, type PageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { createUser, findUserIdByEmail, setMembership } from '../auth/user-service.ts';
import { isValidEmail } from '../rounds/respondent-service.ts';
import { createOrganisation, listVisibleOrganisations, type OrganisationSummary } from '../organisations/service.ts';

const KINDS: OrganisationKind[] = ['kommun', 'region', 'myndighet', 'kommunalforbund'];
const ROLES: MembershipRole[] = ['coordinator', 'analyst', 'viewer'];

const organisationForm = z.object({
  name: z.string().trim().max(200).default(''),
  kind: z.enum(KINDS).default('kommun'),
  orgNumber: z.string().trim().max(20).default(''),
  size: z.string().trim().max(12).default(''),
  federationId: z.string().default(''),
});

const userForm = z.object({
  userName: z.string().trim().max(200).default(''),
  userEmail: z.string().trim().max(254).default(''),
  userPassword: z.string().max(1000).default(''),
  userOrganisation: z.string().default(''),
  userRole: z.enum(ROLES).default('coordinator'),
});

const roleForm = z.object({
  roleEmail: z.string().trim().max(254).default(''),
  roleOrganisation: z.string().default(''),
  roleRole: z.enum([...ROLES, 'none']).default('coordinator'),
});

type OrganisationForm = z.infer<typeof organisationForm>;
type RoleForm = z.infer<typeof roleForm>;
type UserForm = z.infer<typeof userForm>;

const emptyOrganisation: OrganisationForm = { name: '', kind: 'kommun', orgNumber: '', size: '', federationId: '' };
const emptyUser: UserForm = { userName: '', userEmail: '', userPassword: '', userOrganisation: '', userRole: 'coordinator' };
const emptyRole: RoleForm = { roleEmail: '', roleOrganisation: '', roleRole: 'coordinator' };

function OperatorPage(props: {
  page: PageContext;
  organisations: OrganisationSummary[];
  organisationForm: OrganisationForm;
  userForm: UserForm;
  roleForm: RoleForm;
  query: string;
  errors: FieldErrors;
}) {
  const { page, organisations, errors } = props;
  const { m } = page;
  const federations = organisations.filter((organisation) => organisation.kind === 'kommunalforbund');
  const org = props.organisationForm;
  const user = props.userForm;
  const role = props.roleForm;
  const query = props.query.trim().toLowerCase();
  const shown = query ? organisations.filter((organisation) => organisation.name.toLowerCase().includes(query) || (organisation.org_number ?? '').includes(query)) : organisations;
  return (
    <Layout page={page} title={m.operator.title}>
      <ErrorSummary m={m} errors={errors} />
      <h1>{m.operator.title}</h1>
      <p>
        <a href="/operator/benchmarks">{m.results.operator.link}</a>
      </p>
      <p>
        <a href="/operator/audit">{m.personalData.audit.platformTitle}</a>
      </p>
      <h2>{m.operator.organisations}</h2>
      <form method="get" action="/operator" class="search-form" role="search">
        <TextField m={m} id="q" label={m.operator.search} hint={m.operator.searchHint} value={props.query} width="medium" />
        <Button variant="secondary">{m.operator.searchButton}</Button>
      </form>
      <p role="status">{m.operator.shownCount(shown.length, organisations.length)}</p>
      <table class="table">
        <caption class="visually-hidden">{m.operator.organisations}</caption>
        <TableHead columns={[m.operator.name, m.operator.kind, m.operator.orgNumber]} />
        <tbody>
          {shown.map((organisation) => (
            <tr>
              <th scope="row">
                <a href={`/org/${organisation.id}`}>{organisation.name}</a>
              </th>
              <td>{m.kinds[organisation.kind]}</td>
              <td>{organisation.org_number ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="two-columns">
        <form method="post" action="/operator/organisations" class="panel" novalidate>
          <h2>{m.operator.createOrganisation}</h2>
          <CsrfField token={page.csrfToken} />
          <TextField m={m} id="name" label={m.operator.name} value={org.name} error={errors.name} />
          <SelectField m={m} id="kind" label={m.operator.kind} value={org.kind} options={KINDS.map((kind) => ({ value: kind, label: m.kinds[kind] }))} />
          <TextField m={m} id="orgNumber" label={`${m.operator.orgNumber} ${m.common.optional}`} hint={m.operator.orgNumberHint} value={org.orgNumber} error={errors.orgNumber} width="medium" />
          <TextField m={m} id="size" label={`${m.operator.size} ${m.common.optional}`} value={org.size} error={errors.size} inputMode="numeric" width="medium" />
          <SelectField
            m={m}
            id="federationId"
            label={m.operator.federation}
            value={org.federationId}
            options={[{ value: '', label: m.operator.federationNone }, ...federations.map((federation) => ({ value: federation.id, label: federation.name }))]}
          />
          <Button variant="secondary">{m.operator.createOrganisation}</Button>
        </form>
        <form method="post" action="/operator/users" class="panel" novalidate>
          <h2>{m.operator.createUser}</h2>
          <CsrfField token={page.csrfToken} />
          <TextField m={m} id="userName" label={m.operator.userName} value={user.userName} error={errors.userName} autocomplete="off" />
          <TextField m={m} id="userEmail" type="email" label={m.operator.userEmail} value={user.userEmail} error={errors.userEmail} autocomplete="off" />
          <TextField m={m} id="userPassword" type="password" label={m.operator.userPassword} hint={m.operator.userPasswordHint} error={errors.userPassword} autocomplete="new-password" width="medium" />
          <SelectField
            m={m}
            id="userOrganisation"
            label={m.operator.userOrganisation}
            value={user.userOrganisation}
            options={[{ value: '', label: m.common.none }, ...organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))]}
          />
          <SelectField m={m} id="userRole" label={m.operator.userRole} value={user.userRole} options={ROLES.map((role) => ({ value: role, label: m.roles[role] }))} />
          <Button variant="secondary">{m.operator.createUser}</Button>
        </form>
        <form method="post" action="/operator/roles" class="panel" novalidate>
          <h2>{m.operator.giveRole}</h2>
          <p class="hint">{m.operator.giveRoleHint}</p>
          <CsrfField token={page.csrfToken} />
          <TextField m={m} id="roleEmail" type="email" label={m.operator.userEmail} value={role.roleEmail} error={errors.roleEmail} autocomplete="off" />
          <SelectField
            m={m}
            id="roleOrganisation"
            label={m.operator.userOrganisation}
            value={role.roleOrganisation}
            error={errors.roleOrganisation}
            options={[{ value: '', label: m.operator.chooseOrganisation }, ...organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))]}
          />
          <SelectField
            m={m}
            id="roleRole"
            label={m.operator.userRole}
            value={role.roleRole}
            options={[...ROLES.map((value) => ({ value, label: m.roles[value] })), { value: 'none', label: m.operator.removeRole }]}
          />
          <Button variant="secondary">{m.operator.giveRole}</Button>
        </form>
      </div>
    </Layout>
  );
}

export function registerOperatorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, forms: { organisationForm?: OrganisationForm; userForm?: UserForm; roleForm?: RoleForm; errors?: FieldErrors } = {}) => {
    authorizeOperatePlatform(request.actor);
    const organisations = await listVisibleOrganisations(ctx, request.actor);
    const errors = forms.errors ?? {};
    return sendPage(
      reply,
      <OperatorPage
        page={pageContext(request, reply)}
        organisations={organisations}
        organisationForm={forms.organisationForm ?? emptyOrganisation}
        userForm={forms.userForm ?? emptyUser}
        roleForm={forms.roleForm ?? emptyRole}
        query={typeof (request.query as { q?: unknown }).q === 'string' ? ((request.query as { q: string }).q).slice(0, 100) : ''}
        errors={errors}
      />,
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  app.get('/operator', async (request, reply) => show(request, reply));

  app.post('/operator/organisations', async (request, reply) => {
    authorizeOperatePlatform(request.actor);
    const form = organisationForm.parse(request.body ?? {});
    const m = request.m;
    const errors: FieldErrors = {};
    if (!form.name) errors.name = m.operator.nameRequired;
    const digits = form.orgNumber.replace(/\D/g, '');
    if (form.orgNumber && (digits.length !== 10 || !/^[\d-]+$/.test(form.orgNumber))) errors.orgNumber = m.operator.orgNumberInvalid;
    if (form.size && !/^\d{1,9}$/.test(form.size.replace(/\s/g, ''))) errors.size = m.operator.sizeInvalid;
    if (Object.keys(errors).length > 0) return show(request, reply, { organisationForm: form, errors });
    await createOrganisation(ctx, request.actor, {
      name: form.name,
      kind: form.kind,
      orgNumber: form.orgNumber ? `${digits.slice(0, 6)}-${digits.slice(6)}` : null,
      size: form.size ? Number(form.size.replace(/\s/g, '')) : null,
      federationId: form.federationId || null,
    });
    return redirectWithFlash(reply, '/operator', m.operator.created);
  });

  app.post('/operator/roles', async (request, reply) => {
    authorizeOperatePlatform(request.actor);
    const form = roleForm.parse(request.body ?? {});
    const m = request.m;
    const errors: FieldErrors = {};
    const userId = await findUserIdByEmail(ctx, form.roleEmail);
    if (!userId) errors.roleEmail = m.operator.noSuchUser;
    const organisations = await listVisibleOrganisations(ctx, request.actor);
    if (!organisations.some((organisation) => organisation.id === form.roleOrganisation)) errors.roleOrganisation = m.operator.chooseOrganisationError;
    if (Object.keys(errors).length > 0 || !userId) return show(request, reply, { roleForm: form, errors });
    await setMembership(ctx, userId, form.roleOrganisation, form.roleRole === 'none' ? null : form.roleRole, request.actor);
    return redirectWithFlash(reply, '/operator', form.roleRole === 'none' ? m.operator.roleRemoved : m.operator.roleGiven);
  });

  app.post('/operator/users', async (request, reply) => {
    authorizeOperatePlatform(request.actor);
    const form = userForm.parse(request.body ?? {});
    const m = request.m;
    const errors: FieldErrors = {};
    if (!form.userName) errors.userName = m.operator.nameRequired;
    if (!isValidEmail(form.userEmail.toLowerCase())) errors.userEmail = m.rounds.emailInvalid;
    if (form.userPassword.length < MIN_PASSWORD_LENGTH) errors.userPassword = m.operator.passwordTooShort;
    if (Object.keys(errors).length === 0) {
      try {
        await createUser(ctx, {
          email: form.userEmail,
          name: form.userName,
          password: form.userPassword,
          memberships: form.userOrganisation ? [{ organisationId: form.userOrganisation, role: form.userRole }] : [],
        }, request.actor);
        return redirectWithFlash(reply, '/operator', m.operator.userCreated);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'conflict') throw error;
        errors.userEmail = m.operator.emailTaken;
      }
    }
    return show(request, reply, { userForm: { ...form, userPassword: '' }, errors });
  });
}
