// The round page's open link (coordinators only): shown once after it is made, how many have
// used it, a new link and the cap on how many may.
import type { Messages } from '../../../i18n/messages.ts';
import { Button, CsrfField, TextField } from '../../../ui/forms.tsx';
import type { RespondentFormState, RoundProgress, RoundWithInstruments } from '../presenter.ts';

export function OpenLinkSection({ m, csrfToken, round, progress, openLink, respondentForm }: {
  m: Messages;
  csrfToken: string;
  round: RoundWithInstruments;
  progress: RoundProgress;
  /** The open link, only on the page that follows its creation (only its hash is stored). */
  openLink: string | null;
  respondentForm: RespondentFormState;
}) {
  return (
    <section class="panel" id="open-link">
      <h2>{m.rounds.openLinkTitle}</h2>
      {openLink ? (
        <>
          <p>{m.rounds.openLinkText}</p>
          <p>
            <code class="copyable" data-testid="open-link">{openLink}</code>
          </p>
          <p class="notice notice-warning">{m.privacy.openLinkShownOnce}</p>
        </>
      ) : (
        <p>{m.privacy.openLinkHidden}</p>
      )}
      <p data-testid="open-link-usage">{m.privacy.openLinkUsage(progress.openLink.respondents, round.open_link_cap ?? 0)}</p>
      <form method="post" action={`/rounds/${round.id}/open-link`} class="inline-form">
        <CsrfField token={csrfToken} />
        <Button variant="secondary">{m.privacy.openLinkNew}</Button>
      </form>
      <form method="post" action={`/rounds/${round.id}/open-link-cap`} novalidate>
        <CsrfField token={csrfToken} />
        <TextField
          m={m}
          id="open-link-cap"
          name="cap"
          inputMode="numeric"
          label={m.privacy.openLinkCap}
          hint={m.privacy.openLinkCapHint}
          value={respondentForm.values.openLinkCap ?? String(round.open_link_cap ?? '')}
          error={respondentForm.errors['open-link-cap']}
        />
        <Button variant="secondary">{m.privacy.openLinkCapSave}</Button>
      </form>
    </section>
  );
}
