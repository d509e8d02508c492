// The mail part of the round page for coordinators: the round's contact person and last day
// (named in every mail) and the way to the round's own mail texts. Also shown alone, with its
// problems, when the form comes back with errors (mail-settings-page.tsx).
import type { Messages } from '../../../i18n/messages.ts';
import { Button, CsrfField, TextField } from '../../../ui/forms.tsx';
import type { FieldErrors } from '../../../ui/forms.tsx';
import type { MailSettingsBody } from '../mail-schema.ts';

export function MailSettingsForm(props: { m: Messages; csrfToken: string; roundId: string; values: MailSettingsBody; errors: FieldErrors; headingLevel?: 2 | 3 }) {
  const { m, values, errors } = props;
  const t = m.mailTexts;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <form method="post" action={`/rounds/${props.roundId}/mail-settings`} class="panel" novalidate data-testid="mail-settings">
      <Heading>{t.settingsTitle}</Heading>
      <p>{t.settingsIntro}</p>
      <CsrfField token={props.csrfToken} />
      <TextField m={m} id="contactName" label={t.contactName} hint={t.contactNameHint} value={values.contactName} error={errors.contactName} autocomplete="name" />
      <TextField m={m} id="contactEmail" type="email" label={t.contactEmail} value={values.contactEmail} error={errors.contactEmail} autocomplete="email" />
      <TextField m={m} id="closesOn" label={t.closesOn} hint={t.closesOnHint} value={values.closesOn} error={errors.closesOn} width="short" />
      <Button variant="secondary">{t.settingsSave}</Button>
    </form>
  );
}

/** For the round page: the form with the round's saved values, and the link to the texts. */
export function MailSettingsSection(props: { m: Messages; csrfToken: string; round: { id: string; contact_name: string | null; contact_email: string | null; closes_on: string | null } }) {
  const { m, round } = props;
  return (
    <>
      <p>
        <a href={`/rounds/${round.id}/mail-texts`} data-testid="mail-texts-link">
          {m.mailTexts.editLink}
        </a>
      </p>
      <MailSettingsForm m={m} csrfToken={props.csrfToken} roundId={round.id} headingLevel={2} values={{ contactName: round.contact_name ?? '', contactEmail: round.contact_email ?? '', closesOn: round.closes_on ?? '' }} errors={{}} />
    </>
  );
}
