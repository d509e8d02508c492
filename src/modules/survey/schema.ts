// What the respondent's routes accept: a link's token and a page number in the path (a bad one is
// a page that does not exist), the page form's button, and the names of the page form's fields.
// The answers themselves are read against the page's items by the service (readPageAnswers).
import { z } from 'zod';

/** The token is checked against its pattern by the service: an unknown link has its own page. */
export const tokenParams = z.object({ token: z.string().max(200) });

/** A survey page by its number as shown (1, 2, …). */
export const pageParams = tokenParams.extend({ page: z.string().regex(/^\d{1,3}$/).transform(Number) });

/** The survey page's buttons, and where "next" leads when the page was opened from the review. */
export const pageAction = z.object({ action: z.enum(['next', 'previous', 'leave']).default('next'), return: z.enum(['review']).optional().catch(undefined) }).loose();

/** A page opened with "Ändra" from the review returns there; anything else in the query is ignored. */
export const pageQuery = z.object({ return: z.enum(['review']).optional().catch(undefined) }).loose();

/** The form field name of an item's radios. */
export function answerFieldName(itemKey: string): string {
  return `a.${itemKey}`;
}

/** The form field name of an item's target level. */
export function targetFieldName(itemKey: string): string {
  return `t.${itemKey}`;
}

/** The form field name of an item's comment. */
export function commentFieldName(itemKey: string): string {
  return `c.${itemKey}`;
}

/** The radio value of "don't know". */
export const DONT_KNOW_VALUE = 'dk';

/** Longest comment accepted per item. */
export const MAX_COMMENT_LENGTH = 2000;

/**
 * The open link's start form: the unit and role the respondent chose, each empty for "not given".
 * Only the shape is checked here; whether the unit is the organisation's and the role one the
 * round uses is the service's question (its answer re-renders the form with the field's message).
 */
export const openLinkForm = z
  .object({
    unitId: z.string().max(100).optional().default(''),
    role: z.string().max(200).optional().default(''),
  })
  .loose();

export type OpenLinkChoice = z.infer<typeof openLinkForm>;
