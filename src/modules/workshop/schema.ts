// What the workshop routes accept: an organisation, a year and a topic's place in the path (a bad
// one is a page that does not exist), and the notes form (posted by our page or its script).
import { z } from 'zod';
import { WORKSHOP_TOPIC_KEYS } from '../../domain/workshop/workshop-topics.ts';

const year = z.coerce.number().int().min(2000).max(2100);

export const workshopParams = z.object({ orgId: z.uuid(), year });
export const topicParams = workshopParams.extend({ topicIndex: z.coerce.number().int().min(1).max(50) });
export const notesForm = z.object({
  topic: z.enum(WORKSHOP_TOPIC_KEYS),
  /** The topic's place, to come back to after saving without a script. */
  index: z.coerce.number().int().min(1).max(50).default(1),
  notes: z.string().max(20_000).default(''),
  decisions: z.string().max(20_000).default(''),
});
