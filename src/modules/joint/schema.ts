// What the joint assessments' routes accept: path parameters (a bad one is a page that does not
// exist), the federation comparison's query (a bad year or threshold falls back to the default),
// the survey page's button and the form that names a respondent.
import { z } from 'zod';

const instrumentKey = z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/).max(100);
const chartFileName = z.string().regex(/^[a-z0-9-]+\.(svg|png)$/);

export const roundParams = z.object({ roundId: z.uuid() });

export const instrumentParams = roundParams.extend({ key: instrumentKey });

/** A survey page by its number as shown (1, 2, …). */
export const pageParams = instrumentParams.extend({ page: z.string().regex(/^\d{1,3}$/).transform(Number) });

export const resultChartParams = instrumentParams.extend({ file: chartFileName });

export const compareParams = z.object({ orgId: z.uuid(), key: instrumentKey });

export const compareChartParams = compareParams.extend({ file: chartFileName });

/** A year without answers shows the newest year; a threshold outside 1–50 shows the instrument's own. */
export const compareQuery = z.object({
  year: z.string().regex(/^\d{4}$/).transform(Number).optional().catch(undefined),
  minWeak: z.string().regex(/^\d{1,2}$/).transform(Number).pipe(z.number().int().min(1).max(50)).optional().catch(undefined),
});

/** The survey page's buttons; the answers themselves are read against the page's items. */
export { pageAction, pageQuery } from '../survey/schema.ts';

/** The form as posted: anything longer than its field allows is not from our page (400). */
export const assignBody = z.object({ name: z.string().trim().max(200).default(''), email: z.string().trim().max(254).default('') });

/** The naming form as a person fills it in: a name is required (the address is judged by the service). */
export const assignForm = z.object({ name: z.string().min(1, 'name_required'), email: z.string() });
