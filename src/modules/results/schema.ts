// What the results routes accept: a round id in the path, a chart file name, and the instrument
// chosen in the query. A bad id, file or instrument key is a page that does not exist (404),
// also in the query string, as the results pages always answered. The operator's benchmark forms
// are posted by our own page: a bad one is a validation error.
import { z } from 'zod';

export const roundParams = z.object({ roundId: z.uuid() });
export const chartParams = z.object({ roundId: z.uuid(), file: z.string().regex(/^[a-z0-9-]+\.(svg|png)$/) });
export const instrumentQuery = z.object({ instrument: z.string().regex(/^[a-z0-9.-]+$/).optional() });

export const participationForm = z.object({ organisationId: z.uuid(), participates: z.enum(['0', '1']) });
export const removeForm = z.object({ instrument: z.string().min(1).max(100), version: z.string().min(1).max(100), year: z.coerce.number().int(), source: z.string().min(1).max(200) });
