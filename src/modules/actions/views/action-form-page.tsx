// The form of a new or changed action: what is to be done, which year's results it answers, what
// it addresses (a capability from the catalogue, a recommendation, a workshop topic, or nothing in
// particular), the owner, the due day and the status; on a federation's plan also the members
// taking part in the shared action. Errors sit at their fields and in a summary at the top.
import { Button, Checkboxes, CsrfField, ErrorSummary, SelectField, TextAreaField, TextField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { pick } from '../../../i18n/messages.ts';
import type { LocalizedText } from '../../../i18n/messages.ts';
import type { PageContext } from '../../../web/page-context.ts';
import { planPath } from '../presenter.ts';
import { ACTION_STATUSES, SOURCE_KINDS, type ActionBody } from '../schema.ts';

export interface ActionFormModel {
  organisation: { id: string; name: string };
  /** Where the form posts; the action's id when it is edited. */
  action: string;
  editing: boolean;
  values: ActionBody;
  participants: string[];
  members: Array<{ id: string; name: string }>;
  capabilities: Array<{ value: string; instrument: LocalizedText; name: LocalizedText }>;
  errors: FieldErrors;
}

export function ActionFormPage({ page, model }: { page: PageContext; model: ActionFormModel }) {
  const { m, locale } = page;
  const t = m.actions;
  const f = t.fields;
  const title = model.editing ? t.editTitle : t.newTitle;
  const year = Number(model.values.year) || undefined;
  return (
    <Layout page={page} title={title}>
      <p class="caption">
        <a href={planPath(model.organisation.id, year)}>{model.organisation.name}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary m={m} errors={model.errors} />
      <form method="post" action={model.action} novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField m={m} id="title" label={f.title} hint={f.titleHint} error={model.errors.title} value={model.values.title} required />
        <TextAreaField m={m} id="description" label={f.description} error={model.errors.description} value={model.values.description} rows={3} />
        <TextField m={m} id="year" label={f.year} error={model.errors.year} value={model.values.year} inputMode="numeric" width="short" required />
        <SelectField
          m={m}
          id="sourceKind"
          label={f.sourceKind}
          error={model.errors.sourceKind}
          value={model.values.sourceKind}
          options={SOURCE_KINDS.map((kind) => ({ value: kind, label: t.sourceKinds[kind] ?? kind }))}
        />
        <SelectField
          m={m}
          id="capability"
          label={f.capability}
          hint={f.capabilityHint}
          error={model.errors.capability}
          value={model.values.capability}
          options={[{ value: '', label: f.chooseCapability }, ...model.capabilities.map((c) => ({ value: c.value, label: `${pick(c.name, locale)} (${pick(c.instrument, locale)})` }))]}
        />
        <TextField m={m} id="sourceRef" label={f.sourceRef} hint={f.sourceRefHint} error={model.errors.sourceRef} value={model.values.sourceRef} />
        <TextField m={m} id="owner" label={f.owner} hint={f.ownerHint} error={model.errors.owner} value={model.values.owner} width="medium" required />
        <TextField m={m} id="dueOn" label={f.dueOn} hint={f.dueOnHint} error={model.errors.dueOn} value={model.values.dueOn} width="medium" />
        <SelectField
          m={m}
          id="status"
          label={f.status}
          error={model.errors.status}
          value={model.values.status}
          options={ACTION_STATUSES.map((status) => ({ value: status, label: t.status[status] ?? status }))}
        />
        {model.members.length > 0 ? (
          <Checkboxes
            m={m}
            id="participants"
            name="participants"
            legend={f.participants}
            hint={f.participantsHint}
            error={model.errors.participants}
            options={model.members.map((member) => ({ value: member.id, label: member.name }))}
            checked={model.participants}
          />
        ) : null}
        <Button>{t.save}</Button>
      </form>
      <p>
        <a href={planPath(model.organisation.id, year)}>{t.cancel}</a>
      </p>
    </Layout>
  );
}
