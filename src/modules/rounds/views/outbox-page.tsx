// The round's outbox (coordinators only): a searchable table of every mail (recipient, kind,
// time, delivery), a page at a time, and below it the one mail opened, at an address of its own
// (?mail=…#mail). Outside the demo a stored mail has no personal link, so none can show here.
import type { OutboxMessage } from '../../../db/schema.ts';
import { Button, TextField } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { OutboxPageModel } from '../presenter.ts';
import { DemoBanner, MailNotConfigured } from './mail-notices.tsx';

type FormatWhen = (iso: string) => string;

/** Shows a mail's text with its links clickable, so a coordinator can open a survey link from here. */
function MailBody({ body }: { body: string }) {
  const parts = body.split(/(https?:\/\/[^\s]+)/);
  return <>{parts.map((part, index) => (index % 2 === 1 ? <a href={part}>{part}</a> : part))}</>;
}

function deliveryLabel(m: PageContext['m'], delivery: OutboxMessage['delivery']): string {
  return { smtp: m.rounds.deliverySmtp, outbox: m.rounds.deliveryOutbox, failed: m.rounds.deliveryFailed }[delivery];
}

export function OutboxPage({ page, model, formatWhen }: { page: PageContext; model: OutboxPageModel; formatWhen: FormatWhen }) {
  const { round, smtp, demo, query, rows, total, first, last, opened, href } = model;
  const { m } = page;
  const t = m.outbox;
  return (
    <Layout page={page} title={m.rounds.outbox}>
      <p class="caption">
        <a href={`/rounds/${round.id}`}>{round.name}</a>
      </p>
      <h1>{m.rounds.outbox}</h1>
      {demo ? <DemoBanner m={m} /> : smtp ? null : <MailNotConfigured m={m} />}
      <p>{smtp ? m.rounds.outboxSmtpNote : demo ? m.rounds.outboxIntro : m.privacy.outboxIntro}</p>
      <form method="get" action={`/rounds/${round.id}/outbox`} class="search-form" role="search">
        <TextField m={m} id="q" label={t.search} hint={t.searchHint} value={query.q} width="medium" />
        <Button variant="secondary">{t.searchButton}</Button>
      </form>
      {query.q ? (
        <p>
          <a href={`/rounds/${round.id}/outbox`}>{t.showAll}</a>
        </p>
      ) : null}
      {total === 0 ? (
        <p role="status">{query.q ? t.noMatch(query.q) : m.rounds.outboxEmpty}</p>
      ) : (
        <>
          {rows.length > 0 ? <p role="status">{t.count(first, last, total)}</p> : null}
          <div class="table-scroll" role="region" aria-label={t.caption} tabIndex={0}>
            <table class="table" data-testid="outbox-table">
              <caption class="visually-hidden">{t.caption}</caption>
              <TableHead columns={[t.recipientColumn, t.kindColumn, t.timeColumn, t.statusColumn]} />
              <tbody>
                {rows.map((row) => (
                  <tr data-testid="outbox-row">
                    <th scope="row">
                      <a href={href({ mail: row.id })} aria-current={opened?.id === row.id ? 'true' : undefined} data-testid="outbox-recipient">
                        {row.recipient}
                      </a>
                    </th>
                    <td data-testid="outbox-kind">{t.kinds[row.kind]}</td>
                    <td>
                      <time dateTime={row.created_at}>{formatWhen(row.created_at)}</time>
                    </td>
                    <td data-testid="outbox-status">{deliveryLabel(m, row.delivery)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Paging m={m} model={model} />
        </>
      )}
      {opened ? <OpenedMail page={page} mail={opened} formatWhen={formatWhen} /> : total > 0 ? <p>{t.openHint}</p> : null}
    </Layout>
  );
}

function Paging({ m, model }: { m: PageContext['m']; model: OutboxPageModel }) {
  const { query, last, total, href } = model;
  if (query.page <= 1 && last >= total) return null;
  return (
    <nav aria-label={m.outbox.pagination}>
      <ul class="list">
        {query.page > 1 ? (
          <li>
            <a href={href({ page: query.page - 1 })}>{m.outbox.previous}</a>
          </li>
        ) : null}
        {last < total ? (
          <li>
            <a href={href({ page: query.page + 1 })}>{m.outbox.next}</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The one mail opened: its recipient, subject, time and delivery, and its stored text. */
function OpenedMail({ page, mail, formatWhen }: { page: PageContext; mail: OutboxMessage; formatWhen: FormatWhen }) {
  const { m } = page;
  const t = m.outbox;
  return (
    <section id="mail" class="outbox-message" aria-labelledby="mail-title" data-testid="outbox-opened">
      <h2 id="mail-title">{t.openedTitle}</h2>
      <dl class="summary-list compact">
        <div>
          <dt>{m.rounds.outboxTo}</dt>
          <dd data-testid="opened-recipient">{mail.recipient}</dd>
        </div>
        <div>
          <dt>{t.kindColumn}</dt>
          <dd>{t.kinds[mail.kind]}</dd>
        </div>
        <div>
          <dt>{m.rounds.outboxSubject}</dt>
          <dd>{mail.subject}</dd>
        </div>
        <div>
          <dt>{m.rounds.outboxCreated}</dt>
          <dd>
            <time dateTime={mail.created_at}>{formatWhen(mail.created_at)}</time>
          </dd>
        </div>
        <div>
          <dt>{m.rounds.outboxDelivery}</dt>
          <dd>
            {deliveryLabel(m, mail.delivery)}
            {mail.error ? ` – ${t.failedBecause(mail.error)}` : ''}
          </dd>
        </div>
      </dl>
      <pre class="mail-body">
        <MailBody body={mail.body} />
      </pre>
    </section>
  );
}
