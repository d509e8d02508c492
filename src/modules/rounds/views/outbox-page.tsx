// The round's outbox: every invitation and reminder, with its delivery (coordinators only).
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { OutboxPageModel } from '../presenter.ts';
import { DemoBanner, MailNotConfigured } from './mail-notices.tsx';

/** Shows a mail's text with its links clickable, so a coordinator can open a survey link from here. */
function MailBody({ body }: { body: string }) {
  const parts = body.split(/(https?:\/\/[^\s]+)/);
  return <>{parts.map((part, index) => (index % 2 === 1 ? <a href={part}>{part}</a> : part))}</>;
}

export function OutboxPage({ page, model, formatWhen }: { page: PageContext; model: OutboxPageModel; formatWhen: (iso: string) => string }) {
  const { round, messages, smtp, demo } = model;
  const { m } = page;
  const delivery = { smtp: m.rounds.deliverySmtp, outbox: m.rounds.deliveryOutbox, failed: m.rounds.deliveryFailed };
  return (
    <Layout page={page} title={m.rounds.outbox}>
      <p class="caption">
        <a href={`/rounds/${round.id}`}>{round.name}</a>
      </p>
      <h1>{m.rounds.outbox}</h1>
      {demo ? <DemoBanner m={m} /> : smtp ? null : <MailNotConfigured m={m} />}
      <p>{smtp ? m.rounds.outboxSmtpNote : demo ? m.rounds.outboxIntro : m.privacy.outboxIntro}</p>
      {messages.length === 0 ? (
        <p>{m.rounds.outboxEmpty}</p>
      ) : (
        <ol class="outbox">
          {messages.map((message) => (
            <li class="outbox-message">
              <dl class="summary-list compact">
                <div>
                  <dt>{m.rounds.outboxTo}</dt>
                  <dd data-testid="outbox-recipient">{message.recipient}</dd>
                </div>
                <div>
                  <dt>{m.rounds.outboxSubject}</dt>
                  <dd>{message.subject}</dd>
                </div>
                <div>
                  <dt>{m.rounds.outboxCreated}</dt>
                  <dd>{formatWhen(message.created_at)}</dd>
                </div>
                <div>
                  <dt>{m.rounds.outboxDelivery}</dt>
                  <dd>
                    {delivery[message.delivery]}
                    {message.error ? ` – ${message.error}` : ''}
                  </dd>
                </div>
              </dl>
              <pre class="mail-body">
                <MailBody body={message.body} />
              </pre>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
