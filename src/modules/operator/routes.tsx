// The platform operator's page (/operator) and its three forms. Each route validates (schema.ts),
// calls the operator service (which asks the organisation policy), presents (presenter.ts) and
// renders the page (views/).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { isAppError } from '../../app/errors.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseInput, validateForm } from '../../web/validate.ts';
import { presentOperator } from './presenter.ts';
import {
  emptyOrganisation,
  emptyRole,
  emptyUser,
  operatorQuery,
  organisationBody,
  organisationFields,
  organisationInput,
  roleBody,
  userBody,
  userFields,
  type OrganisationForm,
  type RoleForm,
  type UserForm,
} from './schema.ts';
import { addAccount, addOrganisation, ensureOperator, giveRole, operatorOrganisations } from './service.ts';
import { OperatorPage } from './views/operator-page.tsx';

/** The forms' field message codes (schema.ts, service.ts) in the visitor's language. */
function fieldText(m: Messages, code: string): string {
  switch (code) {
    case 'orgNumberInvalid':
      return m.operator.orgNumberInvalid;
    case 'sizeInvalid':
      return m.operator.sizeInvalid;
    case 'emailInvalid':
      return m.rounds.emailInvalid;
    case 'passwordTooShort':
      return m.operator.passwordTooShort;
    case 'noSuchUser':
      return m.operator.noSuchUser;
    case 'chooseOrganisation':
      return m.operator.chooseOrganisationError;
    default:
      return m.operator.nameRequired;
  }
}

export function registerOperatorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, forms: { organisationForm?: OrganisationForm; userForm?: UserForm; roleForm?: RoleForm; errors?: FieldErrors } = {}) => {
    const organisations = await operatorOrganisations(ctx, request.actor);
    const errors = forms.errors ?? {};
    return sendPage(
      reply,
      <OperatorPage
        page={pageContext(request, reply)}
        model={presentOperator(organisations, parseInput(operatorQuery, request.query).q)}
        organisationForm={forms.organisationForm ?? emptyOrganisation}
        userForm={forms.userForm ?? emptyUser}
        roleForm={forms.roleForm ?? emptyRole}
        errors={errors}
      />,
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  app.get('/operator', async (request, reply) => show(request, reply));

  app.post('/operator/organisations', async (request, reply) => {
    ensureOperator(request.actor);
    const form = parseInput(organisationBody, request.body);
    const checked = validateForm(organisationFields, form, (issue) => fieldText(request.m, issue.message));
    if (!checked.ok) return show(request, reply, { organisationForm: form, errors: checked.errors });
    await addOrganisation(ctx, request.actor, organisationInput(form));
    return redirectWithFlash(reply, '/operator', request.m.operator.created);
  });

  app.post('/operator/roles', async (request, reply) => {
    ensureOperator(request.actor);
    const form = parseInput(roleBody, request.body);
    const m = request.m;
    const problems = await giveRole(ctx, request.actor, { email: form.roleEmail, organisationId: form.roleOrganisation, role: form.roleRole === 'none' ? null : form.roleRole });
    if (problems) {
      const errors: FieldErrors = Object.fromEntries(Object.entries(problems).map(([field, code]) => [field, fieldText(m, code)]));
      return show(request, reply, { roleForm: form, errors });
    }
    return redirectWithFlash(reply, '/operator', form.roleRole === 'none' ? m.operator.roleRemoved : m.operator.roleGiven);
  });

  app.post('/operator/users', async (request, reply) => {
    ensureOperator(request.actor);
    const form = parseInput(userBody, request.body);
    const m = request.m;
    const checked = validateForm(userFields, form, (issue) => fieldText(m, issue.message));
    const errors: FieldErrors = checked.ok ? {} : checked.errors;
    if (checked.ok) {
      try {
        await addAccount(ctx, request.actor, {
          email: checked.value.userEmail,
          name: form.userName,
          password: form.userPassword,
          membership: form.userOrganisation ? { organisationId: form.userOrganisation, role: form.userRole } : null,
        });
        return redirectWithFlash(reply, '/operator', m.operator.userCreated);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'conflict') throw error;
        errors.userEmail = m.operator.emailTaken;
      }
    }
    return show(request, reply, { userForm: { ...form, userPassword: '' }, errors });
  });
}
