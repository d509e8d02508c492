// The respondent's pages. One statement = one <fieldset> whose <legend> is the statement, with
// the scale's radios and "don't know" inside it (never a bare grid of radios). No script is
// needed to answer; the pages weigh a few KB.
import { isItemShown, type AnswerSet } from '../../domain/instruments/answer-set.ts';
import type { AnswerScale, Item } from '../../domain/instruments/instrument-schema.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { pick, type Messages } from '../../i18n/messages.ts';
import { CsrfField } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../web/page-context.ts';
import {
  answerFieldName,
  commentFieldName,
  DONT_KNOW_VALUE,
  MAX_COMMENT_LENGTH,
  pageItems,
  targetFieldName,
  type AnswerValue,
  type FieldError,
  type SurveyPageRef,
  type SurveySession,
} from './survey-service.ts';

function scaleWord(scale: AnswerScale, value: number, locale: PageContext['locale']): string | undefined {
  const label = scale.labels.find((candidate) => candidate.value === value);
  return label ? pick(label.label, locale) : undefined;
}

/** An answer in words: "4 – Stämmer delvis" on numeric and level scales, the label alone for yes/no and bands. */
export function valueText(scale: AnswerScale, value: number, locale: PageContext['locale']): string {
  const word = scaleWord(scale, value, locale);
  if (!word) return String(value);
  return scale.type === 'scale' || scale.type === 'levels' ? `${value} – ${word}` : word;
}

/** The words for the answers a table cannot give as a value. */
export interface AnswerWords {
  notApplicable: string;
  notAnswered: string;
  dontKnow: string;
}

/**
 * An answer of a joint assessment in words, as its answer table shows it on the results page and
 * in the reports: not asked (a follow-up that does not apply), not answered, don't know, or the value.
 */
export function answerInWords(item: Item, scale: AnswerScale, answers: AnswerSet, words: AnswerWords, locale: PageContext['locale']): string {
  if (!isItemShown(item, answers)) return words.notApplicable;
  const answer = answers.get(item.key);
  if (!answer) return words.notAnswered;
  if (answer.value === null) return scale.dontKnow ? pick(scale.dontKnow, locale) : words.dontKnow;
  return valueText(scale, answer.value, locale);
}

function answerText(m: Messages, scale: AnswerScale, answer: AnswerValue | undefined, locale: PageContext['locale']): string {
  if (!answer) return m.survey.notAnswered;
  if (answer.value === null) return scale.dontKnow ? pick(scale.dontKnow, locale) : m.survey.dontKnow;
  return valueText(scale, answer.value, locale);
}

function scaleOf(page: SurveyPageRef, item: Item): AnswerScale {
  return page.instrument.scales[item.scale ?? page.instrument.defaultScale]!;
}

function fieldMessage(m: Messages, error: FieldError, text: string): string {
  switch (error.field) {
    case 'target':
      return m.joint.survey.invalidTarget(text);
    case 'comment':
      return m.joint.survey.commentTooLong(MAX_COMMENT_LENGTH);
    case 'missing':
      return m.joint.survey.answerMissing(text);
    default:
      return m.survey.invalidAnswer(text);
  }
}

/** The id an error summary entry links to: the first radio, the target select or the comment box. */
export function errorTarget(page: SurveyPageRef, error: FieldError, item: Item | undefined): string {
  if (error.field === 'target') return `t-${error.itemKey}`;
  if (error.field === 'comment') return `c-${error.itemKey}`;
  const scale = item ? scaleOf(page, item) : undefined;
  const first = scale ? (scale.type === 'scale' ? scale.min : scale.labels[0]!.value) : 0;
  return `q-${error.itemKey}-${first}`;
}

function Statement({ page, item, answer, errors, locale, m, hidesFollowUp }: {
  page: SurveyPageRef;
  item: Item;
  answer: AnswerValue | undefined;
  errors: FieldError[];
  locale: PageContext['locale'];
  m: Messages;
  /** Answer values after which the next item (a follow-up) does not apply. */
  hidesFollowUp: number[];
}) {
  const scale = scaleOf(page, item);
  const name = answerFieldName(item.key);
  const id = `q-${item.key}`;
  const text = pick(item.text, locale);
  const valueError = errors.find((error) => error.field === 'value' || error.field === 'missing');
  const targetError = errors.find((error) => error.field === 'target');
  const commentError = errors.find((error) => error.field === 'comment');
  const numeric = scale.type === 'scale';
  const values: number[] = [];
  if (numeric) for (let value = scale.min; value <= scale.max; value += 1) values.push(value);
  else values.push(...scale.labels.map((label) => label.value));
  const current = answer === undefined ? undefined : answer.value === null ? DONT_KNOW_VALUE : String(answer.value);
  const hint = item.hint ? pick(item.hint, locale) : followUpHint(page, item, m, locale);
  const describedBy = [hint ? `${id}-hint` : '', valueError ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`question${item.showIf ? ' conditional' : ''}`} id={`question-${item.key}`}>
      <fieldset class={`statement${valueError ? ' field-has-error' : ''}`} id={id} aria-describedby={describedBy}>
        <legend class="statement-text">{text}</legend>
        {hint ? (
          <p class="hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        {valueError ? (
          <p class="field-error" id={`${id}-error`}>
            <span class="visually-hidden">{m.common.errorPrefix} </span>
            {fieldMessage(m, valueError, text)}
          </p>
        ) : null}
        <div class={numeric ? 'scale' : 'radios'}>
          {values.map((value) => {
            const word = scaleWord(scale, value, locale);
            const optionId = `${id}-${value}`;
            return (
              <div class={numeric ? 'scale-option' : 'radio-option'}>
                <input
                  type="radio"
                  id={optionId}
                  name={name}
                  value={String(value)}
                  checked={current === String(value)}
                  data-hides-followup={hidesFollowUp.includes(value) ? '' : undefined}
                />
                <label for={optionId}>
                  {numeric || scale.type === 'levels' ? <span class="scale-number">{value}</span> : null}
                  {word ? <span class="scale-word">{word}</span> : null}
                </label>
              </div>
            );
          })}
          {scale.dontKnow ? (
            <div class={numeric ? 'scale-option scale-dont-know' : 'radio-option'}>
              <input type="radio" id={`${id}-dk`} name={name} value={DONT_KNOW_VALUE} checked={current === DONT_KNOW_VALUE} data-hides-followup={hidesFollowUp.length > 0 ? '' : undefined} />
              <label for={`${id}-dk`}>{pick(scale.dontKnow, locale)}</label>
            </div>
          ) : null}
        </div>
      </fieldset>
      {item.target ? (
        <div class={`field field-inline${targetError ? ' field-has-error' : ''}`}>
          <label class="label" for={`t-${item.key}`}>
            {m.joint.survey.targetLabel} {m.common.optional}
            <span class="visually-hidden"> – {text}</span>
          </label>
          {targetError ? (
            <p class="field-error" id={`t-${item.key}-error`}>
              <span class="visually-hidden">{m.common.errorPrefix} </span>
              {fieldMessage(m, targetError, text)}
            </p>
          ) : null}
          <select class="select" id={`t-${item.key}`} name={targetFieldName(item.key)} aria-describedby={targetError ? `t-${item.key}-error` : undefined}>
            <option value="">{m.joint.survey.noTarget}</option>
            {scale.labels.map((label) => (
              <option value={String(label.value)} selected={answer?.target === label.value}>
                {valueText(scale, label.value, locale)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {item.comment ? (
        <div class={`field${commentError ? ' field-has-error' : ''}`}>
          <label class="label" for={`c-${item.key}`}>
            {m.joint.survey.commentLabel} {m.common.optional}
            <span class="visually-hidden"> – {text}</span>
          </label>
          {commentError ? (
            <p class="field-error" id={`c-${item.key}-error`}>
              <span class="visually-hidden">{m.common.errorPrefix} </span>
              {fieldMessage(m, commentError, text)}
            </p>
          ) : null}
          <textarea class="textarea" id={`c-${item.key}`} name={commentFieldName(item.key)} rows={2} maxLength={MAX_COMMENT_LENGTH} aria-describedby={commentError ? `c-${item.key}-error` : undefined}>
            {answer?.comment ?? ''}
          </textarea>
        </div>
      ) : null}
    </div>
  );
}

/** For a follow-up without a hint of its own: "Answer only if you answered Ja to the question above." */
function followUpHint(page: SurveyPageRef, item: Item, m: Messages, locale: PageContext['locale']): string | undefined {
  if (!item.showIf) return undefined;
  const parent = pageItems(page).find((entry) => entry.item.key === item.showIf!.item)?.item;
  if (!parent) return undefined;
  const scale = scaleOf(page, parent);
  const words = item.showIf.in.map((value) => scaleWord(scale, value, locale) ?? String(value));
  return m.joint.survey.followUpHint(words.join(` ${m.joint.survey.or} `));
}

/** Values of `item` after which the item that follows it (a follow-up on it) does not apply. */
function followUpHiders(page: SurveyPageRef, items: Item[], index: number): number[] {
  const next = items[index + 1];
  const item = items[index]!;
  if (!next?.showIf || next.showIf.item !== item.key) return [];
  return scaleOf(page, item).labels.map((label) => label.value).filter((value) => !next.showIf!.in.includes(value));
}

/** What each named level means, once per page for every level scale used on it. */
function LevelGuide({ page, m, locale }: { page: SurveyPageRef; m: Messages; locale: PageContext['locale'] }) {
  const scaleKeys = [...new Set(pageItems(page).map(({ item }) => item.scale ?? page.instrument.defaultScale))];
  return (
    <>
      {scaleKeys.map((key) => {
        const scale = page.instrument.scales[key]!;
        if (scale.type !== 'levels' || !scale.levels.some((level) => level.description)) return null;
        return (
          <details class="help level-guide" open>
            <summary>{m.joint.survey.levelGuide}</summary>
            <dl class="summary-list">
              {scale.levels.map((level) => (
                <div>
                  <dt>
                    {level.value} – {pick(level.label, locale)}
                  </dt>
                  <dd>{level.description ? pick(level.description, locale) : ''}</dd>
                </div>
              ))}
            </dl>
          </details>
        );
      })}
    </>
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

/** `identityMonths`: how long names and addresses are kept after the round closes (RESPONDENT_DATA_MONTHS), told to the respondent. */
export function SurveyStartPage({ page, session, resumePage, identityMonths }: { page: PageContext; session: SurveySession; resumePage: number | null; identityMonths?: number }) {
  const { m, locale } = page;
  const title = session.instruments.map((instrument) => pick(instrument.name, locale)).join(', ');
  const base = page.url.split('?')[0]!.replace(/\/$/, '');
  return (
    <Layout page={page} title={title} variant="survey">
      <p class="caption">{session.organisationName}</p>
      <h1>{m.survey.startTitle(title)}</h1>
      <p class="lead">{session.joint ? m.joint.survey.startIntro(session.organisationName) : m.survey.startIntro(session.organisationName)}</p>
      <h2>{m.survey.howItWorks}</h2>
      <ul class="list">
        {(session.joint ? m.joint.survey.howItWorksItems : m.survey.howItWorksItems).map((text) => (
          <li>{text}</li>
        ))}
        <li>{m.survey.pages(session.pages.length)}</li>
      </ul>
      <p class="notice">{session.joint ? m.joint.survey.jointNotice : m.survey.anonymity}</p>
      {identityMonths === undefined ? null : (
        <p>
          {m.personalData.surveyNotice(identityMonths)} <a href={page.locale === 'en' ? '/personuppgifter?lang=en' : '/personuppgifter'}>{m.personalData.readMore}</a>
        </p>
      )}
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
  /** The fields whose submitted value was not valid. */
  errors: FieldError[];
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
  const action = page.url.split('?')[0];
  return (
    <Layout page={page} title={`${categoryName} – ${m.survey.progress(current.globalNumber, total)}`} variant="survey">
      {errors.length > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
          <h2 id="error-summary-title">{m.common.errorSummaryTitle}</h2>
          <ul>
            {errors.map((error) => {
              const entry = items.find(({ item }) => item.key === error.itemKey);
              return (
                <li>
                  <a href={`#${errorTarget(current, error, entry?.item)}`}>{fieldMessage(m, error, entry ? pick(entry.item.text, locale) : error.itemKey)}</a>
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
      {scale.type === 'scale' ? (
        <p class="hint" id="scale-hint">
          {m.survey.scaleHint(scale.min, scale.max, minLabel, maxLabel)}
        </p>
      ) : null}
      <LevelGuide page={current} m={m} locale={locale} />
      <form method="post" action={action} novalidate>
        <CsrfField token={page.csrfToken} />
        {current.category.capabilities.map((capability) => (
          <section class="capability" aria-labelledby={`cap-${capability.key}`}>
            <h2 id={`cap-${capability.key}`}>{pick(capability.name, locale)}</h2>
            <details class="help">
              <summary>{m.survey.helpSummary(pick(capability.name, locale).toLowerCase())}</summary>
              <p>{pick(capability.help, locale)}</p>
            </details>
            {capability.items.map((item, index) => (
              <Statement
                page={current}
                item={item}
                answer={formAnswers.get(item.key)}
                errors={errors.filter((error) => error.itemKey === item.key)}
                locale={locale}
                m={m}
                hidesFollowUp={followUpHiders(current, capability.items, index)}
              />
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
            {shownItems(surveyPage, session).map(({ item }) => {
              const answer = session.answers.get(item.key);
              const scale = scaleOf(surveyPage, item);
              return (
                <div class={answer ? '' : 'unanswered'}>
                  <dt>{pick(item.text, locale)}</dt>
                  <dd>
                    {answerText(m, scale, answer, locale)}
                    {answer?.target !== undefined && answer.target !== null ? (
                      <span class="answer-extra">
                        {m.joint.survey.targetLabel}: {valueText(scale, answer.target, locale)}
                      </span>
                    ) : null}
                    {answer?.comment ? (
                      <span class="answer-extra">
                        {m.joint.survey.commentLabel}: {answer.comment}
                      </span>
                    ) : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </>
  );
}

/** The page's items that apply: a follow-up is left out when its parent's answer does not call for it. */
function shownItems(surveyPage: SurveyPageRef, session: SurveySession) {
  return pageItems(surveyPage).filter(({ item }) => !item.showIf || session.answers.get(item.showIf.item) === undefined || isItemShown(item, session.answers));
}

export function SurveyReviewPage({ page, session }: { page: PageContext; session: SurveySession }) {
  const { m } = page;
  const totalItems = session.pages.reduce((sum, surveyPage) => sum + shownItems(surveyPage, session).length, 0);
  const unanswered = totalItems - session.pages.reduce((sum, surveyPage) => sum + shownItems(surveyPage, session).filter(({ item }) => session.answers.has(item.key)).length, 0);
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

/** `showAnswers` only in the browser that has just submitted (see survey-routes' receipt cookie). */
export function SurveyReceiptPage({ page, session, showAnswers }: { page: PageContext; session: SurveySession; showAnswers: boolean }) {
  const { m, locale } = page;
  return (
    <Layout page={page} title={m.survey.receiptTitle} variant="survey">
      <div class="panel panel-confirmation" role="status">
        <h1>{m.survey.receiptTitle}</h1>
        <p>{m.survey.receiptBody}</p>
        {session.submittedAt ? <p>{m.survey.receiptSubmittedAt(formatDateTime(locale, session.submittedAt))}</p> : null}
      </div>
      {showAnswers ? (
        <details class="help">
          <summary>{m.survey.receiptYourAnswers}</summary>
          <AnswerList page={page} session={session} withChangeLinks={false} />
        </details>
      ) : (
        <p>{m.privacy.receiptAnswersLater}</p>
      )}
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
