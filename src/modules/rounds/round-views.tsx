// Pages of a round: the form that creates one, the round's overview and its outbox.
import { TableHead } from '../../ui/table-head.tsx';
import type { ComponentChildren } from 'preact';
import type { Organisation, OutboxMessage, RespondentChange } from '../../db/schema.ts';
import { formatDate, formatPercent } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';
import { Button, Checkboxes, CsrfField, ErrorSummary, SelectField, TextField, type FieldErrors } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { UnitNode } from '../organisations/unit-tree.ts';
import type { ProgressCounts, ProgressGroup, RespondentListEntry, RespondentStatus, RoundProgress } from './respondent-service.ts';
import type { LateRespondents, RoundWithInstruments } from './round-service.ts';

interface NewRoundForm {
  name: string;
  year: string;
  instruments: string[];
  openLink: boolean;
  threshold: string;
  smallSample: string;
}

export function NewRoundPage(props: {
  page: PageContext;
  organisation: Organisation;
  instruments: Array<{ value: string; label: string; hint: string }>;
  form: NewRoundForm;
  errors: FieldErrors;
}) {
  const { page, organisation, form, errors } = props;
  const { m } = page;
  return (
    <Layout page={page} title={m.rounds.newTitle}>
      <div class="narrow">
        <ErrorSummary m={m} errors={errors} />
        <p class="caption">{organisation.name}</p>
        <h1>{m.rounds.newTitle}</h1>
        <p>{m.rounds.newIntro}</p>
        <form method="post" action={`/org/${organisation.id}/rounds`} novalidate>
          <CsrfField token={page.csrfToken} />
          <TextField m={m} id="name" label={m.rounds.name} hint={m.rounds.nameHint} value={form.name} error={errors.name} />
          <TextField m={m} id="year" label={m.rounds.year} hint={m.rounds.yearHint} value={form.year} error={errors.year} inputMode="numeric" width="short" />
          <Checkboxes
            m={m}
            id="instruments"
            name="instruments"
            legend={m.rounds.instruments}
            hint={m.rounds.instrumentsHint}
            error={errors.instruments}
            options={props.instruments}
            checked={form.instruments}
          />
          <Checkboxes
            m={m}
            id="openLink"
            name="openLink"
            legend={m.rounds.openLink}
            options={[{ value: 'on', label: m.rounds.openLinkChoice, hint: m.rounds.openLinkHint }]}
            checked={form.openLink ? ['on'] : []}
          />
          <TextField m={m} id="threshold" label={m.rounds.threshold} hint={m.rounds.thresholdHint} value={form.threshold} error={errors.threshold} inputMode="numeric" width="short" />
          <TextField m={m} id="smallSample" label={m.results.smallSampleField} hint={m.results.smallSampleHint} value={form.smallSample} error={errors.smallSample} inputMode="numeric" width="short" />
          <Button>{m.rounds.create}</Button>
        </form>
      </div>
    </Layout>
  );
}

export interface RespondentFormState {
  values: { email: string; name: string; role: string; unitId: string; openLinkCap?: string };
  errors: FieldErrors;
  uploadProblems: string[];
}

function rate(counts: ProgressCounts): number {
  return counts.respondents === 0 ? 0 : counts.submitted / counts.respondents;
}

function ProgressBar({ share, label }: { share: number; label: string }) {
  // A native <progress> is announced by screen readers; the text beside it says the same.
  return <progress class="progress" max={100} value={Math.round(share * 100)} aria-label={label}></progress>;
}

function ProgressTable({ m, locale, caption, groups, firstHeader, emptyLabel }: {
  m: Messages;
  locale: PageContext['locale'];
  caption: string;
  groups: ProgressGroup[];
  firstHeader: string;
  emptyLabel: string;
}) {
  if (groups.length === 0) return null;
  return (
    <table class="table">
      <caption>{caption}</caption>
      <TableHead columns={[firstHeader, { label: m.rounds.respondents, numeric: true }, { label: m.rounds.started, numeric: true }, { label: m.rounds.submitted, numeric: true }, { label: m.rounds.rate, numeric: true }]} />
      <tbody>
        {groups.map((group) => (
          <tr>
            <th scope="row" class={`depth-${Math.min(group.depth, 4)}`}>{group.label ?? emptyLabel}</th>
            <td class="numeric">{group.respondents}</td>
            <td class="numeric">{group.started}</td>
            <td class="numeric">{group.submitted}</td>
            <td class="numeric">{formatPercent(locale, rate(group))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const statusLabel = (m: Messages, status: RespondentStatus) =>
  ({
    not_invited: m.rounds.statusNotInvited,
    invited: m.rounds.statusInvited,
    started: m.rounds.statusStarted,
    submitted: m.rounds.statusSubmitted,
  })[status];

interface RoundPageProps {
  page: PageContext;
  round: RoundWithInstruments;
  organisation: Organisation;
  progress: RoundProgress;
  respondents: RespondentListEntry[];
  units: UnitNode[];
  canManage: boolean;
  counts: { toInvite: number; toRemind: number };
  /** The open link, only on the page that follows its creation (only its hash is stored). */
  openLink: string | null;
  /** No SMTP outside the demo: nothing is sent, and the page says how to set it up. */
  mailNotConfigured: boolean;
  /** Changes to the respondents after the round opened (coordinators only). */
  changes: RespondentChange[];
  lateRespondents: LateRespondents;
  formatWhen: (iso: string) => string;
  instrumentNames: string[];
  /** Link to the round's results, when the viewer may read them and an instrument has results. */
  resultsHref?: string | null;
  respondentForm: RespondentFormState;
  now: Date;
  /** When the respondents' names and addresses go: a date once the round has closed (issue 12). */
  identityRemoval?: { date: Date | null; months: number };
  /** Joint assessments of the round (filled in once for the organisation), drawn with this page's context. */
  jointSection?: (page: PageContext) => ComponentChildren;
}

export function RoundPage(props: RoundPageProps) {
  const { page, round, organisation, progress, canManage, respondentForm } = props;
  const { m, locale } = page;
  const unitName = new Map(props.units.map((unit) => [unit.id, unit.path.join(' / ')]));
  const canReopen = round.status === 'closed' && round.year >= props.now.getUTCFullYear();
  return (
    <Layout page={page} title={round.name}>
      <ErrorSummary m={m} errors={respondentForm.errors} />
      <p class="caption">
        <a href={`/org/${organisation.id}`}>{organisation.name}</a>
      </p>
      <h1>{round.name}</h1>
      <dl class="summary-list">
        <div>
          <dt>{m.organisation.status}</dt>
          <dd>
            <span class={`tag tag-${round.status}`}>{m.roundStatus[round.status]}</span>
          </dd>
        </div>
        <div>
          <dt>{m.organisation.year}</dt>
          <dd>{round.year}</dd>
        </div>
        <div>
          <dt>{m.rounds.instrumentsInRound}</dt>
          <dd>{props.instrumentNames.join(', ')}</dd>
        </div>
        <div>
          <dt>{m.rounds.threshold}</dt>
          <dd>{m.rounds.thresholdValue(round.anonymity_threshold)}</dd>
        </div>
        {props.resultsHref ? (
          <div>
            <dt>{m.results.title(round.name)}</dt>
            <dd>
              <a href={props.resultsHref} data-testid="results-link">
                {m.results.linkFromRound}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{m.costs.navLink}</dt>
          <dd>
            <a href={`/org/${organisation.id}/costs/${round.year}`}>{m.costs.title(round.year)}</a>
          </dd>
        </div>
      </dl>
      {canManage && props.identityRemoval ? (
        <p class="hint" data-testid="identity-removal">
          {props.identityRemoval.date === null
            ? m.personalData.roundRemovalPending(props.identityRemoval.months)
            : props.identityRemoval.date.getTime() <= props.now.getTime()
              ? m.personalData.roundRemoved
              : m.personalData.roundRemoval(formatDate(locale, props.identityRemoval.date))}
        </p>
      ) : null}

      {canManage ? (
        <div class="actions">
          {round.status === 'draft' || canReopen ? (
            <form method="post" action={`/rounds/${round.id}/open`} class="inline-form">
              <CsrfField token={page.csrfToken} />
              <Button>{round.status === 'draft' ? m.rounds.open : m.rounds.reopen}</Button>
            </form>
          ) : null}
          {round.status === 'open' ? (
            <form method="post" action={`/rounds/${round.id}/close`} class="inline-form">
              <CsrfField token={page.csrfToken} />
              <Button variant="warning">{m.rounds.close}</Button>
            </form>
          ) : null}
        </div>
      ) : null}

      {props.jointSection ? props.jointSection(page) : null}

      <h2 id="progress">{m.rounds.progress}</h2>
      <p>{m.rounds.progressIntro}</p>
      <div class="stat-row">
        <p class="stat">
          <span class="stat-value" data-testid="response-rate">{formatPercent(locale, rate(progress.total))}</span>
          <span class="stat-label">{m.rounds.rate}</span>
        </p>
        <p class="stat">
          <span class="stat-value" data-testid="submitted-count">
            {progress.total.submitted} / {progress.total.respondents}
          </span>
          <span class="stat-label">{m.rounds.submitted}</span>
        </p>
        <p class="stat">
          <span class="stat-value">{progress.total.started - progress.total.submitted}</span>
          <span class="stat-label">{m.rounds.inProgress}</span>
        </p>
      </div>
      <ProgressBar share={rate(progress.total)} label={m.rounds.rate} />
      {round.open_link_hash !== null || progress.openLink.respondents > 0 ? (
        <ProgressTable
          m={m}
          locale={locale}
          caption={m.privacy.countsApartTitle}
          groups={[
            { key: 'invited', label: m.privacy.countInvited, depth: 0, ...progress.invited },
            { key: 'open-link', label: m.privacy.countOpenLink, depth: 0, ...progress.openLink },
          ]}
          firstHeader={m.privacy.countsApartTitle}
          emptyLabel=""
        />
      ) : null}
      {props.lateRespondents.added > 0 ? (
        <p class="notice" data-testid="late-respondents">
          {m.privacy.addedAfterFirstAnswer(props.lateRespondents.added)}
        </p>
      ) : null}
      <ProgressTable m={m} locale={locale} caption={m.rounds.byUnit} groups={progress.byUnit} firstHeader={m.rounds.unit} emptyLabel={m.rounds.noUnit} />
      <ProgressTable m={m} locale={locale} caption={m.rounds.byRole} groups={progress.byRole} firstHeader={m.rounds.role} emptyLabel={m.rounds.noRole} />

      {round.open_link_hash !== null && canManage ? (
        <section class="panel" id="open-link">
          <h2>{m.rounds.openLinkTitle}</h2>
          {props.openLink ? (
            <>
              <p>{m.rounds.openLinkText}</p>
              <p>
                <code class="copyable" data-testid="open-link">{props.openLink}</code>
              </p>
              <p class="notice notice-warning">{m.privacy.openLinkShownOnce}</p>
            </>
          ) : (
            <p>{m.privacy.openLinkHidden}</p>
          )}
          <p data-testid="open-link-usage">{m.privacy.openLinkUsage(progress.openLink.respondents, round.open_link_cap ?? 0)}</p>
          <form method="post" action={`/rounds/${round.id}/open-link`} class="inline-form">
            <CsrfField token={page.csrfToken} />
            <Button variant="secondary">{m.privacy.openLinkNew}</Button>
          </form>
          <form method="post" action={`/rounds/${round.id}/open-link-cap`} novalidate>
            <CsrfField token={page.csrfToken} />
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
      ) : null}

      {canManage ? (
        <>
          <h2 id="invitations">{m.rounds.invitations}</h2>
          {round.status === 'open' ? (
            <div class="actions">
              {props.counts.toInvite > 0 ? (
                <form method="post" action={`/rounds/${round.id}/invitations`} class="inline-form">
                  <CsrfField token={page.csrfToken} />
                  <Button>{m.rounds.sendInvitations(props.counts.toInvite)}</Button>
                </form>
              ) : null}
              {props.counts.toRemind > 0 ? (
                <form method="post" action={`/rounds/${round.id}/reminders`} class="inline-form">
                  <CsrfField token={page.csrfToken} />
                  <Button variant="secondary">{m.rounds.sendReminders(props.counts.toRemind)}</Button>
                </form>
              ) : null}
              {props.counts.toInvite === 0 && props.counts.toRemind === 0 ? <p>{m.rounds.nothingToSend}</p> : null}
            </div>
          ) : (
            <p>{m.rounds.mustBeOpenToInvite}</p>
          )}
          {props.mailNotConfigured ? <MailNotConfigured m={m} /> : null}
          <p>
            <a href={`/rounds/${round.id}/outbox`}>{m.rounds.outbox}</a>
          </p>

          <h2 id="respondent-changes">{m.privacy.changesTitle}</h2>
          {props.changes.length === 0 ? (
            <p>{m.privacy.changesNone}</p>
          ) : (
            <div class="table-scroll" tabIndex={0} role="region" aria-label={m.privacy.changesTitle}>
              <table class="table" data-testid="respondent-changes">
                <caption class="visually-hidden">{m.privacy.changesTitle}</caption>
                <TableHead columns={[m.privacy.changeWhen, m.privacy.changeWho, m.privacy.changeWhat]} />
                <tbody>
                  {props.changes.map((change) => (
                    <tr>
                      <td>{props.formatWhen(change.changed_at)}</td>
                      <td>{change.changed_by_name}</td>
                      <td>
                        {change.kind === 'imported'
                          ? m.privacy.changeImported(change.respondent_count)
                          : change.kind === 'added'
                            ? m.privacy.changeAdded(change.detail ?? '')
                            : m.privacy.changeRemoved(change.detail ?? '')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h2 id="respondents">{m.rounds.respondents}</h2>
          <p>{m.rounds.respondentsIntro}</p>
          {props.respondents.length === 0 ? (
            <p>{m.rounds.noRespondents}</p>
          ) : (
            <div class="table-scroll" tabIndex={0} role="region" aria-label={m.rounds.respondents}>
              <table class="table">
                <caption class="visually-hidden">{m.rounds.respondents}</caption>
                <TableHead columns={[m.rounds.email, m.rounds.respondentName, m.rounds.role, m.rounds.unit, m.rounds.respondentStatus, m.rounds.actions]} />
                <tbody>
                  {props.respondents.map((respondent) => (
                    <tr>
                      <td>{respondent.email ?? m.rounds.openLink}</td>
                      <td>{respondent.name ?? ''}</td>
                      <td>{respondent.role ?? ''}</td>
                      <td>{respondent.unitId ? unitName.get(respondent.unitId) ?? '' : ''}</td>
                      <td>
                        <span class={`tag tag-${respondent.status}`}>{statusLabel(m, respondent.status)}</span>
                      </td>
                      <td>
                        {respondent.status !== 'submitted' ? (
                          <form method="post" action={`/rounds/${round.id}/respondents/${respondent.id}/delete`} class="inline-form">
                            <CsrfField token={page.csrfToken} />
                            <button type="submit" class="link-button" aria-label={m.rounds.removeRespondentLabel(respondent.email ?? respondent.name ?? m.rounds.openLink)}>
                              {m.rounds.removeRespondent}
                            </button>
                          </form>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <div class="two-columns">
            <form method="post" action={`/rounds/${round.id}/respondents`} class="panel" novalidate>
              <h3>{m.rounds.addRespondent}</h3>
              <CsrfField token={page.csrfToken} />
              <TextField m={m} id="respondent-email" name="email" type="email" label={m.rounds.email} value={respondentForm.values.email} error={respondentForm.errors['respondent-email']} />
              <TextField m={m} id="respondent-name" name="name" label={`${m.rounds.respondentName} ${m.common.optional}`} value={respondentForm.values.name} />
              <TextField m={m} id="respondent-role" name="role" label={`${m.rounds.role} ${m.common.optional}`} value={respondentForm.values.role} />
              <SelectField
                m={m}
                id="respondent-unit"
                name="unitId"
                label={`${m.rounds.unit} ${m.common.optional}`}
                value={respondentForm.values.unitId}
                options={[{ value: '', label: m.rounds.noUnit }, ...props.units.map((unit) => ({ value: unit.id, label: unit.path.join(' / ') }))]}
              />
              <Button variant="secondary">{m.rounds.addRespondentSubmit}</Button>
            </form>

            <form
              method="post"
              action={`/rounds/${round.id}/respondents/upload?_csrf=${encodeURIComponent(page.csrfToken)}`}
              enctype="multipart/form-data"
              class="panel"
            >
              <h3>{m.rounds.upload}</h3>
              <div class={`field${respondentForm.errors['respondent-file'] ? ' field-has-error' : ''}`}>
                <label class="label" for="respondent-file">
                  {m.rounds.uploadFile}
                </label>
                <p class="hint" id="respondent-file-hint">
                  {m.rounds.uploadHint}
                </p>
                {respondentForm.errors['respondent-file'] ? (
                  <div class="field-error" id="respondent-file-error">
                    <p>
                      <span class="visually-hidden">{m.common.errorPrefix} </span>
                      {respondentForm.errors['respondent-file']}
                    </p>
                    {respondentForm.uploadProblems.length > 0 ? (
                      <ul data-testid="upload-problems">
                        {respondentForm.uploadProblems.map((problem) => (
                          <li>{problem}</li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                ) : null}
                <input
                  class="file-input"
                  id="respondent-file"
                  name="file"
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  aria-describedby={respondentForm.errors['respondent-file'] ? 'respondent-file-hint respondent-file-error' : 'respondent-file-hint'}
                />
              </div>
              <p>
                <a href={`/rounds/${round.id}/respondents/template.csv`} download>
                  {m.rounds.uploadTemplate}
                </a>
              </p>
              <Button variant="secondary">{m.rounds.uploadSubmit}</Button>
            </form>
          </div>
        </>
      ) : null}
    </Layout>
  );
}

/** Shows a mail's text with its links clickable, so a coordinator can open a survey link from here. */
function MailBody({ body }: { body: string }) {
  const parts = body.split(/(https?:\/\/[^\s]+)/);
  return <>{parts.map((part, index) => (index % 2 === 1 ? <a href={part}>{part}</a> : part))}</>;
}

export function OutboxPage({ page, round, messages, smtp, demo, formatWhen }: {
  page: PageContext;
  round: RoundWithInstruments;
  messages: OutboxMessage[];
  smtp: boolean;
  /** Demo mode (set by `mogna demo`): the stored mails still carry their links. */
  demo: boolean;
  formatWhen: (iso: string) => string;
}) {
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

/** Shown in demo mode wherever personal links appear: a production server never shows them. */
export function DemoBanner({ m }: { m: PageContext['m'] }) {
  return (
    <div class="notice notice-warning" data-testid="demo-banner">
      <h2>{m.privacy.demoBannerTitle}</h2>
      <p>{m.privacy.demoBanner}</p>
    </div>
  );
}

/** Without SMTP (outside the demo) the service says that nothing is sent and how to fix it. */
export function MailNotConfigured({ m }: { m: PageContext['m'] }) {
  return (
    <div class="notice notice-warning" data-testid="mail-not-configured">
      <h2>{m.privacy.mailNotConfiguredTitle}</h2>
      <p>{m.privacy.mailNotConfigured}</p>
    </div>
  );
}
