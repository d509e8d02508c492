// The preview of a mail as its recipient reads it: subject, then the text in every language.
// The edit page's script replaces the contents of the live region as the coordinator types.
import type { Messages } from '../../../i18n/messages.ts';
import type { MailPreview } from '../mail-page-presenter.ts';

export function MailPreviewBox({ m, preview, id }: { m: Messages; preview: MailPreview | null; id?: string }) {
  return (
    <div id={id} class="panel mail-preview" aria-live={id ? 'polite' : undefined} data-testid="mail-preview">
      {preview ? (
        <>
          <p>
            <strong>{m.mailTexts.previewSubject}</strong>{' '}
            <span lang="sv">{preview.subject}</span>
          </p>
          {/* Swedish first, every other language below under its own heading, as the mail is written. */}
          <pre class="mail-body" lang="sv">
            {preview.text}
          </pre>
        </>
      ) : (
        <p>{m.mailTexts.previewHasErrors}</p>
      )}
    </div>
  );
}
