// What the federation maturity routes accept: the organisation, the instrument key and a chart
// file in the path (anything else is not found), and an optional year in the query (a bad one
// means the default year).
import { z } from 'zod';

export const overviewParams = z.object({ orgId: z.uuid(), key: z.string().regex(/^[a-z0-9-]+$/) });
export const chartParams = overviewParams.extend({ file: z.string().max(80) });
export const yearQuery = z.object({ year: z.coerce.number().int().min(1900).max(2999).optional() });
