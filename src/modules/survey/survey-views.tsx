// The respondent's pages. One statement = one <fieldset> whose <legend> is the statement, with
// the scale's radios and "don't know" inside it (never a bare grid of radios). No script is
// needed to answer; the pages weigh a few KB.
import type { AnswerScale, Item } from '../../domain/instruments/instrument-schema.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { pick, type Messages } from '../../i18n/messages.ts';
import { CsrfField } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { answerFieldName, DONT_KNOW_VALUE, pageItems, type AnswerValue, type SurveyPageRef, type SurveySession } from './survey-service.ts';

function scaleWord(scale: AnswerScale, value: number, locale: PageContext['locale']): string | undefined {
  const label = scale.labels.find((candidate) => candidate.value === value);
  return label ? pick(label.label, locale) : undefined;
}

function answerText(m: Messages, scale: AnswerScale, answer: AnswerValue | undefined, locale: PageContext['locale']): string {
  if (!answer) return m.survey.notAnswered;
  if (answer.value === null) return scale.dontKnow ? pick(scale.dontKnow, locale) : m.survey.dontKnow;
  const word = scaleWord(scale, answer.value, locale);
  return word ? `${answer.value} – ${word}` : String(answer.value);
}

function scaleOf(page: SurveyPageRef, item: Item): AnswerScale {
  return page.instrument.scales[item.scale ?? page.instrument.defaultScale]!;
}

function Statement({ page, item, answer, error, locale, m }: {
  page: SurveyPageRef;
  item: Item;
  answer: AnswerValue | undefined;
  error: boolean;
  locale: PageContext['locale'];
  m: Messages;
}) {
  const scale = scaleOf(page, item);
  const name = answerFieldName(item.key);
  const id = `q-${item.key}`;
  const values: number[] = [];
  for (let value = scale.min; value <= scale.max; value += 1) values.push(value);
  const current = answer === undefined ? undefined : answer.value === null ? DONT_KNOW_VALUE : String(answer.value);
  return (
    <fieldset class={`statement${error ? ' field-has-error' : ''}`} id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend class="statement-text">{pick(item.text, locale)}</legend>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{m.common.errorPrefix} </span>
          {m.survey.invalidAnswer(pick(item.text, locale))}
        </p>
      ) : null}
      <div class="scale">
        {values.map((value) => {
          const word = scaleWord(scale, value, locale);
          const optionId = `${id}-${value}`;
          return (
            <div class="scale-option">
              <input type="radio" id={optionId} name={name} value={String(value)} checked={current === String(value)} />
              <label for={optionId}>
                <span class="scale-number">{value}</span>
                {word ? <span class="scale-word">{word}</span> : null}
              </label>
            </div>
          );
        })}
        {scale.dontKnow ? (
          <div class="scale-option scale-dont-know">
            <input type="radio" id={`${id}-dk`} name={name} value={DONT_KNOW_VALUE} checked={current === DONT_KNOW_VALUE} />
            <label for={`${id}-dk`}>{pick(scale.dontKnow, locale)}</label>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}

function SurveyProgress({ m, page, total }: { m: Messages; page: number; total: number }) {
  return (
    <div class="survey-progress">
      <p class="caption" id="survey-progress-label">
        {m.survey.progress(page, total)}
      </p>
      <progress max={total} value={page} aria-labelledby="survey-progress-label"></progress>
    </div>
  );
}

export function SurveyStartPage({ page, session, resumePage }: { page: PageContext; session: SurveySession; resumePage: number | null }) {
  const { m, locale } = page;
  const title = session.instruments.map((instrument) => pick(instrument.name, locale)).join(', ');
  const base = page.url.split('?')[0]!.replace(/\/$/, '');
  return (
    <Layout page={page} title={title} variant="survey">
      <p class="caption">{session.organisationName}</p>
      <h1>{m.survey.startTitle(title)}</h1>
      <p class="lead">{m.survey.startIntro(session.organisationName)}</p>
      <h2>{m.survey.howItWorks}</h2>
      <ul class="list">
        {m.survey.howItWorksItems.map((text) => (
          <li>{text}</li>
        ))}
        <li>{m.survey.pages(session.pages.length)}</li>
      </ul>
      <p class="notice">{m.survey.anonymity}</p>
      <p>
        <a class="button button-primary button-start" href={`${base}/page/${resumePage ?? 1}`}>
          {resumePage ? m.survey.resume : m.survey.start}
        </a>
      </p>
    </Layout>
  );
}

export function SurveyQuestionPage({ page, session, current, errors, formAnswers }: {
  page: PageContext;
  session: SurveySession;
  current: SurveyPageRef;
  /** Item keys whose submitted value was not valid. */
  errors: string[];
  /** Answers to show (the saved ones, or what was just sent when it had errors). */
  formAnswers: Map<string, AnswerValue>;
}) {
  const { m, locale } = page;
  const total = session.pages.length;
  const isLast = current.globalNumber === total;
  const categoryName = pick(current.category.name, locale);
  const scale = current.instrument.scales[current.instrument.defaultScale]!;
  const minLabel = scaleWord(scale, scale.min, locale) ?? String(scale.min);
  const maxLabel = scaleWord(scale, scale.max, locale) ?? String(scale.max);
  const items = pageItems(current);
  return (
    <Layout page={page} title={`${categoryName} – ${m.survey.progress(current.globalNumber, total)}`} variant="survey">
      {errors.length > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
          <h2 id="error-summary-title">{m.common.errorSummaryTitle}</h2>
          <ul>
            {errors.map((itemKey) => {
              const entry = items.find(({ item }) => item.key === itemKey);
              return (
                <li>
                  <a href={`#q-${itemKey}-${scale.min}`}>{m.survey.invalidAnswer(entry ? pick(entry.item.text, locale) : itemKey)}</a>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <SurveyProgress m={m} page={current.globalNumber} total={total} />
      <p class="caption">{pick(current.dimension.name, locale)}</p>
      <h1>{categoryName}</h1>
      <p>{pick(current.category.description, locale)}</p>
      <p class="hint" id="scale-hint">
        {m.survey.scaleHint(scale.min, scale.max, minLabel, maxLabel)}
      </p>
      <form method="post" action={`${page.url.split('?')[0]}`} novalidate>
        <CsrfField token={page.csrfToken} />
        {current.category.capabilities.map((capability) => (
          <section class="capability" aria-labelledby={`cap-${capability.key}`}>
            <h2 id={`cap-${capability.key}`}>{pick(capability.name, locale)}</h2>
            <details class="help">
              <summary>{m.survey.helpSummary(pick(capability.name, locale).toLowerCase())}</summary>
              <p>{pick(capability.help, locale)}</p>
            </details>
            {capability.items.map((item) => (
              <Statement page={current} item={item} answer={formAnswers.get(item.key)} error={errors.includes(item.key)} locale={locale} m={m} />
            ))}
          </section>
        ))}
        <div class="survey-buttons">
          <button type="submit" class="button button-primary" name="action" value="next">
            {isLast ? m.survey.toReview : m.survey.next}
          </button>
          {current.globalNumber > 1 ? (
            <button type="submit" class="button button-secondary" name="action" value="previous">
              {m.survey.previous}
            </button>
          ) : null}
          <button type="submit" class="button button-secondary" name="action" value="leave">
            {m.survey.saveAndLeave}
          </button>
        </div>
      </form>
    </Layout>
  );
}

export function SurveySavedPage({ page, link, viaOpenLink }: { page: PageContext; link: string; viaOpenLink: boolean }) {
  const { m } = page;
  return (
    <Layout page={page} title={m.survey.savedTitle} variant="survey">
      <div class="panel panel-confirmation">
        <h1>{m.survey.savedTitle}</h1>
        <p>{m.survey.savedBody}</p>
      </div>
      <h2>{m.survey.savedLinkLabel}</h2>
      <p>
        <a href={link}>{link}</a>
      </p>
      {viaOpenLink ? <p class="notice">{m.survey.savedOpenLinkNote}</p> : null}
    </Layout>
  );
}

function AnswerList({ page, session, withChangeLinks }: { page: PageContext; session: SurveySession; withChangeLinks: boolean }) {
  const { m, locale } = page;
  const base = page.url.split('?')[0]!.replace(/\/(review|receipt)$/, '');
  return (
    <>
      {session.pages.map((surveyPage) => (
        <section class="review-section" aria-labelledby={`review-${surveyPage.globalNumber}`}>
          <div class="review-heading">
            <h2 id={`review-${surveyPage.globalNumber}`}>{pick(surveyPage.category.name, locale)}</h2>
            {withChangeLinks ? (
              <a href={`${base}/page/${surveyPage.globalNumber}`}>
                {m.survey.change}
                <span class="visually-hidden"> {m.survey.changeOnPage(pick(surveyPage.category.name, locale))}</span>
              </a>
            ) : null}
          </div>
          <dl class="summary-list answers">
            {pageItems(surveyPage).map(({ item }) => {
              const answer = session.answers.get(item.key);
              return (
                <div class={answer ? '' : 'unanswered'}>
                  <dt>{pick(item.text, locale)}</dt>
                  <dd>{answerText(m, scaleOf(surveyPage, item), answer, locale)}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </>
  );
}

export function SurveyReviewPage({ page, session }: { page: PageContext; session: SurveySession }) {
  const { m } = page;
  const totalItems = session.pages.reduce((sum, surveyPage) => sum + pageItems(surveyPage).length, 0);
  const unanswered = totalItems - session.pages.reduce((sum, surveyPage) => sum + pageItems(surveyPage).filter(({ item }) => session.answers.has(item.key)).length, 0);
  const base = page.url.split('?')[0]!.replace(/\/review$/, '');
  return (
    <Layout page={page} title={m.survey.reviewTitle} variant="survey">
      <h1>{m.survey.reviewTitle}</h1>
      <p class="lead">{m.survey.reviewIntro}</p>
      <p>{m.survey.answeredCount(totalItems - unanswered, totalItems)}</p>
      {unanswered > 0 ? <p class="notice notice-warning">{m.survey.unansweredWarning(unanswered)}</p> : null}
      <AnswerList page={page} session={session} withChangeLinks={true} />
      <form method="post" action={`${base}/submit`} class="submit-form">
        <CsrfField token={page.csrfToken} />
        <p>{m.survey.submitHint}</p>
        <button type="submit" class="button button-primary">
          {m.survey.submit}
        </button>
      </form>
    </Layout>
  );
}

export function SurveyReceiptPage({ page, session }: { page: PageContext; session: SurveySession }) {
  const { m, locale } = page;
  return (
    <Layout page={page} title={m.survey.receiptTitle} variant="survey">
      <div class="panel panel-confirmation" role="status">
        <h1>{m.survey.receiptTitle}</h1>
        <p>{m.survey.receiptBody}</p>
        {session.submittedAt ? <p>{m.survey.receiptSubmittedAt(formatDateTime(locale, session.submittedAt))}</p> : null}
      </div>
      <details class="help">
        <summary>{m.survey.receiptYourAnswers}</summary>
        <AnswerList page={page} session={session} withChangeLinks={false} />
      </details>
    </Layout>
  );
}

export function OpenLinkPage({ page, organisationName, title, token }: { page: PageContext; organisationName: string; title: string; token: string }) {
  const { m } = page;
  return (
    <Layout page={page} title={title} variant="survey">
      <p class="caption">{organisationName}</p>
      <h1>{m.survey.openLinkTitle(title)}</h1>
      <p class="lead">{m.survey.openLinkIntro(organisationName)}</p>
      <ul class="list">
        {m.survey.howItWorksItems.map((text) => (
          <li>{text}</li>
        ))}
      </ul>
      <p class="notice">{m.survey.anonymity}</p>
      <form method="post" action={`/o/${token}`}>
        <CsrfField token={page.csrfToken} />
        <button type="submit" class="button button-primary button-start">
          {m.survey.openLinkStart}
        </button>
      </form>
    </Layout>
  );
}
