// What the results routes accept: a round id in the path, a chart file name, and the instrument
// chosen in the query. A bad id, file or instrument key is a page that does not exist (404),
// also in the query string, as the results pages always answered.
import { z } from 'zod';

export const roundParams = z.object({ roundId: z.uuid() });
export const chartParams = z.object({ roundId: z.uuid(), file: z.string().regex(/^[a-z0-9-]+\.(svg|png)$/) });
export const instrumentQuery = z.object({ instrument: z.string().regex(/^[a-z0-9.-]+$/).optional() });
