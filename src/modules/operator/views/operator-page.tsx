// The platform operator's page: every organisation (with a search), and the forms to add an
// organisation, add an account and give or take a role.
import { Button, CsrfField, ErrorSummary, SelectField, TextField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { OperatorModel } from '../presenter.ts';
import { KINDS, ROLES, type OrganisationForm, type RoleForm, type UserForm } from '../schema.ts';

export function OperatorPage(props: {
  page: PageContext;
  model: OperatorModel;
  organisationForm: OrganisationForm;
  userForm: UserForm;
  roleForm: RoleForm;
  errors: FieldErrors;
}) {
  const { page, errors } = props;
  const { organisations, shown, federations } = props.model;
  const { m } = page;
  const org = props.organisationForm;
  const user = props.userForm;
  const role = props.roleForm;
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
        <TextField m={m} id="q" label={m.operator.search} hint={m.operator.searchHint} value={props.model.query} width="medium" />
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

