// One statement of a survey page: a <fieldset> whose <legend> is the statement, with the scale's
// radios and "don't know" inside it (never a bare grid of radios), and the item's optional target
// level and comment. Also the texts and anchors of a field's problem, shared with the error summary.
import type { AnswerScale, Item } from '../../../domain/instruments/instrument-schema.ts';
import { pick, type Messages } from '../../../i18n/messages.ts';
import { scaleWord, valueText } from '../../../ui/answer-words.ts';
import type { PageContext } from '../../../web/page-context.ts';
import { pageItems, type AnswerValue, type FieldError, type SurveyPageRef } from '../presenter.ts';
import { answerFieldName, commentFieldName, DONT_KNOW_VALUE, MAX_COMMENT_LENGTH, targetFieldName } from '../schema.ts';

export function scaleOf(page: SurveyPageRef, item: Item): AnswerScale {
  return page.instrument.scales[item.scale ?? page.instrument.defaultScale]!;
}

export function fieldMessage(m: Messages, error: FieldError, text: string): string {
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

export function Statement({ page, item, answer, errors, locale, m, hidesFollowUp }: {
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
export function followUpHiders(page: SurveyPageRef, items: Item[], index: number): number[] {
  const next = items[index + 1];
  const item = items[index]!;
  if (!next?.showIf || next.showIf.item !== item.key) return [];
  return scaleOf(page, item).labels.map((label) => label.value).filter((value) => !next.showIf!.in.includes(value));
}
