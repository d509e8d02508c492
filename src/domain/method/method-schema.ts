// The shape of the method's steps file (method/<key>/<version>.yaml): the phases of a
// federation's yearly study, each with steps that are ticked once for the whole study or once
// per member organisation. The schema is the single source of the types below.
import { z } from 'zod';
import { keySchema, localizedTextSchema } from '../instruments/instrument-schema.ts';

/** Who ticks a step: the federation once for the study, or each member organisation for itself. */
const stepScopes = ['study', 'member'] as const;
export type StepScope = (typeof stepScopes)[number];

const stepSchema = z.object({
  key: keySchema,
  scope: z.enum(stepScopes),
  title: localizedTextSchema,
  /** A sentence or two on how to do the step. */
  help: localizedTextSchema,
  /** A short list to go through while doing the step (who should answer, say). */
  checklist: z.array(localizedTextSchema).default([]),
}).strict();

const phaseSchema = z.object({
  key: keySchema,
  title: localizedTextSchema,
  /** Shown only when the federation had a study the year before (the follow-up of year 2 on). */
  followUpOnly: z.boolean().default(false),
  steps: z.array(stepSchema).min(1, 'a phase has at least one step'),
}).strict();

export const methodSchema = z
  .object({
    key: keySchema,
    version: z.string().regex(/^\d{4}(\.\d+)?$/, 'a version is a year, optionally with a revision ("2026" or "2026.2")'),
    name: localizedTextSchema,
    phases: z.array(phaseSchema).min(1, 'the method has at least one phase'),
  })
  .strict()
  .superRefine((method, ctx) => {
    const seen = new Set<string>();
    method.phases.forEach((phase, p) =>
      phase.steps.forEach((step, s) => {
        if (seen.has(step.key)) ctx.addIssue({ code: 'custom', path: ['phases', p, 'steps', s, 'key'], message: `step key "${step.key}" is used twice` });
        seen.add(step.key);
      }),
    );
  });

export type Method = z.output<typeof methodSchema>;
export type MethodPhase = Method['phases'][number];
export type MethodStep = MethodPhase['steps'][number];
