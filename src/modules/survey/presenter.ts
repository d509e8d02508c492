// Turns the survey's sessions into what the respondent's pages show: where to resume, the open
// link's title, and the items of a page that apply. The views take the service's session types
// from here.
import { isItemShown } from '../../domain/instruments/answer-set.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { pageItems } from '../../domain/instruments/instrument-structure.ts';
import type { Locale } from '../../i18n/format.ts';
import { pick } from '../../i18n/messages.ts';
import type { AnswerValue, FieldError, OpenLinkView, SurveyPageRef, SurveySession } from './service.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import type { Messages } from '../../i18n/messages.ts';

export type { AnswerValue, FieldError, OpenLinkView, SurveyPageRef, SurveySession };
export { pageItems };

/**
 * The page the start page's button resumes at: null before any answer (start at page 1), else the
 * first page with a question that applies and has no answer yet, or the last page when none has.
 */
export function resumePage(session: SurveySession): number | null {
  if (session.answers.size === 0) return null;
  // A follow-up that does not apply (e.g. "to what degree?" after "no") is not waiting for an answer.
  const page = session.pages.find((candidate) => pageItems(candidate).some(({ item }) => !session.answers.has(item.key) && isItemShown(item, session.answers)));
  return page ? page.globalNumber : session.pages.length;
}

/** The instruments' names as one title, in the visitor's language. */
export function surveyTitle(instruments: Instrument[], locale: Locale): string {
  return instruments.map((instrument) => pick(instrument.name, locale)).join(', ');
}

/** The page's items that apply: a follow-up is left out when its parent's answer does not call for it. */
export function shownItems(surveyPage: SurveyPageRef, answers: ReadonlyMap<string, AnswerValue>) {
  return pageItems(surveyPage).filter(({ item }) => !item.showIf || answers.get(item.showIf.item) === undefined || isItemShown(item, answers));
}

/** The open link form's problems as messages at their fields (the service names the field only). */
export function openLinkErrors(m: Messages, errors: Partial<Record<'unitId' | 'role', string | undefined>>): FieldErrors {
  const messages: FieldErrors = {};
  if (errors.unitId) messages.unitId = m.openLink.unitUnknown;
  if (errors.role) messages.role = m.openLink.roleUnknown;
  return messages;
}
