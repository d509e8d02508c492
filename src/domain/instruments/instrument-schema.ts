// The shape of an instrument file. Instruments are data: a new questionnaire or a new
// year's version is a new file that passes this schema, never new code.
// The schema is the single source of the Instrument types (z.infer below).
import { z } from 'zod';

/** Every text a user may read exists in Swedish (the source) and English. */
export const localizedTextSchema = z.strictObject({
  sv: z.string().trim().min(1, 'Swedish text (sv) must not be empty'),
  en: z.string().trim().min(1, 'English text (en) must not be empty'),
});

/** Stable keys: lower-case ASCII words joined by hyphens, so they survive renames of texts. */
export const keySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'a key is lower-case letters a–z, digits and single hyphens (e.g. "teknisk-skuld")');

const scaleLabelSchema = z.strictObject({
  value: z.number().int(),
  label: localizedTextSchema,
});

/** A numeric agreement scale such as 0–6 with labelled end points and an optional "don't know". */
export const numericScaleSchema = z
  .strictObject({
    type: z.literal('scale'),
    min: z.number().int(),
    max: z.number().int(),
    labels: z.array(scaleLabelSchema).min(2, 'label at least the two end points of the scale'),
    dontKnow: localizedTextSchema.optional(),
  })
  .superRefine((scale, ctx) => {
    if (scale.max <= scale.min) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
    }
    scale.labels.forEach((label, index) => {
      if (label.value < scale.min || label.value > scale.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['labels', index, 'value'],
          message: `label value ${label.value} lies outside the scale ${scale.min}–${scale.max}`,
        });
      }
    });
  });

export const answerScaleSchema = numericScaleSchema;

export const itemSchema = z.strictObject({
  key: keySchema,
  text: localizedTextSchema,
  /** A reversed statement is phrased negatively: it counts as (max − answer) + min. */
  reversed: z.boolean().default(false),
  /** Key of a scale in `scales`; defaults to the instrument's `defaultScale`. */
  scale: keySchema.optional(),
});

export const capabilitySchema = z.strictObject({
  key: keySchema,
  name: localizedTextSchema,
  /** Everyday words that explain the capability to a respondent. */
  help: localizedTextSchema,
  items: z.array(itemSchema).min(1, 'a capability needs at least one item'),
});

export const categorySchema = z.strictObject({
  key: keySchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  capabilities: z.array(capabilitySchema).min(1, 'a category needs at least one capability'),
});

export const dimensionSchema = z.strictObject({
  key: keySchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  categories: z.array(categorySchema).min(1, 'a dimension needs at least one category'),
});

export const quadrantKeySchema = z.enum(['A', 'B', 'C', 'D']);

const quadrantTextSchema = z.strictObject({
  title: localizedTextSchema,
  description: localizedTextSchema,
  recommendations: z.array(localizedTextSchema).default([]),
});

/** How results are read; formulas themselves live in src/domain/scoring and docs/method.md. */
export const resultsSchema = z.strictObject({
  /** Dimension key plotted on the horizontal axis of the 2×2 matrix (e.g. "formaga"). */
  capabilityDimension: keySchema,
  /** Dimension key plotted on the vertical axis (e.g. "arv"). */
  legacyDimension: keySchema,
  /** Score at or above which förmåga counts as high and arv as enabling. */
  quadrantThreshold: z.number(),
  quadrants: z.strictObject({
    A: quadrantTextSchema,
    B: quadrantTextSchema,
    C: quadrantTextSchema,
    D: quadrantTextSchema,
  }),
});

/** Declares which capabilities of this version may be compared with an earlier version. */
export const comparabilitySchema = z.strictObject({
  version: z.string().min(1),
  /** Capability keys whose scores form an unbroken series with that version. */
  capabilities: z.array(keySchema),
});

export const respondentModeSchema = z.enum(['individual']);

export const instrumentSchema = z
  .strictObject({
    key: keySchema,
    version: z.string().regex(/^[0-9A-Za-z.-]+$/, 'a version is letters, digits, dots and hyphens (e.g. "2026")'),
    name: localizedTextSchema,
    description: localizedTextSchema,
    /** Who wrote the texts and under what terms (our own texts, or a licensed questionnaire). */
    attribution: localizedTextSchema,
    respondentMode: respondentModeSchema.default('individual'),
    scales: z.record(keySchema, answerScaleSchema),
    defaultScale: keySchema,
    dimensions: z.array(dimensionSchema).min(1),
    results: resultsSchema.optional(),
    comparableWith: z.array(comparabilitySchema).default([]),
  })
  .superRefine((instrument, ctx) => {
    if (!instrument.scales[instrument.defaultScale]) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultScale'],
        message: `no scale named "${instrument.defaultScale}" in scales`,
      });
    }
    const seen = new Map<string, string>();
    const claim = (key: string, path: (string | number)[]) => {
      const previous = seen.get(key);
      if (previous) {
        ctx.addIssue({ code: 'custom', path, message: `key "${key}" is already used at ${previous}` });
      } else {
        seen.set(key, path.join('.'));
      }
    };
    instrument.dimensions.forEach((dimension, d) => {
      claim(dimension.key, ['dimensions', d, 'key']);
      dimension.categories.forEach((category, c) => {
        claim(category.key, ['dimensions', d, 'categories', c, 'key']);
        category.capabilities.forEach((capability, k) => {
          const capabilityPath = ['dimensions', d, 'categories', c, 'capabilities', k];
          claim(capability.key, [...capabilityPath, 'key']);
          capability.items.forEach((item, i) => {
            claim(item.key, [...capabilityPath, 'items', i, 'key']);
            if (item.scale && !instrument.scales[item.scale]) {
              ctx.addIssue({
                code: 'custom',
                path: [...capabilityPath, 'items', i, 'scale'],
                message: `no scale named "${item.scale}" in scales`,
              });
            }
          });
        });
      });
    });
    if (instrument.results) {
      const dimensionKeys = instrument.dimensions.map((dimension) => dimension.key);
      for (const field of ['capabilityDimension', 'legacyDimension'] as const) {
        if (!dimensionKeys.includes(instrument.results[field])) {
          ctx.addIssue({
            code: 'custom',
            path: ['results', field],
            message: `no dimension with key "${instrument.results[field]}"`,
          });
        }
      }
    }
  });

export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type AnswerScale = z.infer<typeof answerScaleSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Capability = z.infer<typeof capabilitySchema>;
export type Category = z.infer<typeof categorySchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type QuadrantKey = z.infer<typeof quadrantKeySchema>;
export type InstrumentResults = z.infer<typeof resultsSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;
