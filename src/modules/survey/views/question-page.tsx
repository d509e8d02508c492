// A page of questions: one category of the instrument, its statements grouped by capability,
// with the error summary on top when the form came back with problems, the progress, the scale's
// hint and the level guide. No script is needed to answer; with JavaScript, /static/survey.js
// saves each choice as it is made and moves focus to the heading after a page change.
import { pick, type Messages } from '../../../i18n/messages.ts';
import { scaleWord } from '../../../ui/answer-words.ts';
import { CsrfField } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { pageItems, type AnswerValue, type FieldError, type SurveyPageRef, type SurveySession } from '../presenter.ts';
import { errorTarget, fieldMessage, followUpHiders, Statement } from './statement.tsx';

/** Saves each choice as it is made; moves focus to the heading after a page change. */
export const SURVEY_SCRIPT = '/static/survey.js';

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

export function SurveyQuestionPage({ page, session, current, errors, formAnswers, returnTo }: {
  page: PageContext;
  session: SurveySession;
  current: SurveyPageRef;
  /** The fields whose submitted value was not valid. */
  errors: FieldError[];
  /** Answers to show (the saved ones, or what was just sent when it had errors). */
  formAnswers: Map<string, AnswerValue>;
  /** Opened with "Ändra" from the review: the main button saves and goes back there. */
  returnTo?: 'review';
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
    <Layout page={page} title={`${categoryName} – ${m.survey.progress(current.globalNumber, total)}`} variant="survey" scripts={[SURVEY_SCRIPT]}>
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
      <h1 tabIndex={-1}>{categoryName}</h1>
      <p>{pick(current.category.description, locale)}</p>
      {scale.type === 'scale' ? (
        <p class="hint" id="scale-hint">
          {m.survey.scaleHint(scale.min, scale.max, minLabel, maxLabel)}
        </p>
      ) : null}
      <LevelGuide page={current} m={m} locale={locale} />
      <form method="post" action={action} novalidate data-autosave={`${action}/autosave`} data-saved-text={m.survey.autosaved} data-failed-text={m.survey.autosaveFailed}>
        <CsrfField token={page.csrfToken} />
        {returnTo ? <input type="hidden" name="return" value={returnTo} /> : null}
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
            {returnTo ? m.survey.backToReview : isLast ? m.survey.toReview : m.survey.next}
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
        <p class="autosave-status" id="autosave-status" role="status"></p>
      </form>
    </Layout>
  );
}
