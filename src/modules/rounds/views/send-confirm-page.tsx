// Before invitations or reminders go: who gets the mail (a page of 100 at a time), the first
// recipient's mail as it will read (the personal link is made only when it is sent), and
// "Skicka" or "Avbryt". Sending posts the list's fingerprint, so a list that changed meanwhile
// is shown again instead of sent.
import type { ComponentChildren } from 'preact';
import { Button, CsrfField } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { ConfirmPageModel } from '../mail-page-presenter.ts';
import { MailPreviewBox } from './mail-preview.tsx';

export function SendConfirmPage({ page, model, mailNotice }: { page: PageContext; model: ConfirmPageModel; mailNotice: ComponentChildren }) {
  const { m } = page;
  const t = m.mailTexts;
  const previous = model.pageHref(model.page - 1);
  const next = model.pageHref(model.page + 1);
  return (
    <Layout page={page} title={t.confirmTitle[model.kind]}>
      <p class="caption">
        <a href={`/rounds/${model.roundId}/mail#invitations`}>{model.roundName}</a>
      </p>
      <h1>{t.confirmTitle[model.kind]}</h1>
      {model.total === 0 ? (
        <p>{m.rounds.nothingToSend}</p>
      ) : (
        <>
          <p>{t.confirmIntro(model.total)}</p>
          {mailNotice}
          <form method="post" action={`/rounds/${model.roundId}/${model.kind}s`} class="actions">
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="recipients" value={model.fingerprint} />
            <Button>{t.confirmSend(model.total)}</Button>
            <a href={`/rounds/${model.roundId}/mail#invitations`} class="button button-secondary">
              {m.common.cancel}
            </a>
          </form>

          <h2 id="recipients">{t.recipients}</h2>
          <p role="status">{t.recipientsShown(model.first, model.last, model.total)}</p>
          <div class="table-scroll" tabIndex={0} role="region" aria-label={t.recipients}>
            <table class="table" data-testid="confirm-recipients">
              <caption class="visually-hidden">{t.recipients}</caption>
              <TableHead columns={[t.recipientEmail, t.recipientName]} />
              <tbody>
                {model.recipients.map((recipient) => (
                  <tr>
                    <td data-testid="confirm-recipient">{recipient.email}</td>
                    <td>{recipient.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {previous || next ? (
            <nav aria-label={t.recipientPages}>
              <ul class="list">
                {previous ? (
                  <li>
                    <a href={previous}>{m.outbox.previous}</a>
                  </li>
                ) : null}
                {next ? (
                  <li>
                    <a href={next}>{m.outbox.next}</a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}

          {model.firstMail ? (
            <section aria-labelledby="first-mail-title">
              <h2 id="first-mail-title">{t.firstMail(model.firstMail.email)}</h2>
              <p class="hint">{t.firstMailHint}</p>
              <MailPreviewBox m={m} preview={model.firstMail} />
            </section>
          ) : null}
        </>
      )}
    </Layout>
  );
}
