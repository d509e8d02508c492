// The open link's page: anyone with the round's shared link may start an anonymous response,
// saying (if they wish) which unit they work in and which role they have, so their answers can
// enter the breakdown per unit and role. Both fields are plain selects that work without script;
// a sub-unit's option carries its whole path, so a screen reader hears where it sits in the tree.
import { CsrfField, ErrorSummary, SelectField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { OpenLinkView } from '../presenter.ts';

interface OpenLinkPageProps {
  page: PageContext;
  view: OpenLinkView;
  title: string;
  token: string;
  values?: { unitId: string; role: string };
  errors?: FieldErrors;
}

export function OpenLinkPage({ page, view, title, token, values = { unitId: '', role: '' }, errors = {} }: OpenLinkPageProps) {
  const { m } = page;
  const { organisationName, units, roles } = view;
  const notGiven = { value: '', label: m.openLink.notGiven };
  return (
    <Layout page={page} title={title} variant="survey">
      <ErrorSummary m={m} errors={errors} />
      <p class="caption">{organisationName}</p>
      <h1>{m.survey.openLinkTitle(title)}</h1>
      <p class="lead">{m.survey.openLinkIntro(organisationName)}</p>
      <ul class="list">
        {m.survey.howItWorksItems.map((text) => (
          <li>{text}</li>
        ))}
      </ul>
      <p class="notice">{m.survey.anonymity}</p>
      <form method="post" action={`/o/${token}`} novalidate>
        <CsrfField token={page.csrfToken} />
        {units.length > 0 || roles.length > 0 ? (
          <fieldset class="fieldset">
            <legend class="legend">{m.openLink.aboutYouTitle}</legend>
            <p class="hint">{m.openLink.aboutYouIntro}</p>
            {units.length > 0 ? (
              <SelectField
                m={m}
                id="unitId"
                label={m.openLink.unitLabel}
                hint={m.openLink.unitHint}
                error={errors.unitId}
                value={values.unitId}
                options={[notGiven, ...units.map((unit) => ({ value: unit.id, label: unit.path.join(' › ') }))]}
              />
            ) : null}
            {roles.length > 0 ? (
              <SelectField m={m} id="role" label={m.openLink.roleLabel} hint={m.openLink.roleHint} error={errors.role} value={values.role} options={[notGiven, ...roles.map((role) => ({ value: role, label: role }))]} />
            ) : null}
            <p class="hint">{m.openLink.notGivenMeans}</p>
          </fieldset>
        ) : null}
        <button type="submit" class="button button-primary button-start">
          {m.survey.openLinkStart}
        </button>
      </form>
    </Layout>
  );
}
