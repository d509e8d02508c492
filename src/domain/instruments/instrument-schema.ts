// The shape of an instrument file. Instruments are data: a new questionnaire or a new
// year's version is a new file that passes this schema, never new code.
// The schema is the single source of the Instrument types (z.infer below).
import { z } from 'zod';
import { isLocale } from '../../i18n/locales.ts';
import type { LocalizedText as Text } from '../../i18n/messages.ts';

/**
 * Every text a user may read exists in Swedish (the source) and English; a file may add any other
 * registered language. Code reads a text only through `pick`, which falls back along the
 * language's chain (fi → en → sv), so a new language works before every instrument speaks it.
 */
export const localizedTextSchema = z
  .object({
    sv: z.string().trim().min(1, 'Swedish text (sv) must not be empty'),
    en: z.string().trim().min(1, 'English text (en) must not be empty'),
  })
  .catchall(z.string().trim().min(1, 'a translated text must not be empty'))
  .superRefine((text, ctx) => {
    for (const key of Object.keys(text)) {
      if (!isLocale(key)) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a language registered in src/i18n/locales.ts` });
    }
  })
  .transform((text): Text => text);

/** Stable keys: lower-case ASCII words joined by hyphens, so they survive renames of texts. */
export const keySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'a key is lower-case letters a–z, digits and single hyphens (e.g. "teknisk-skuld")');

const scaleLabelSchema = z.strictObject({
  value: z.number().int(),
  label: localizedTextSchema,
});

/** A numeric agreement scale such as 0–6 with labelled end points and an optional "don't know". */
const numericScaleSchema = z
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

/** Yes/no: stored as 1 (yes) and 0 (no); shown yes first. */
const yesNoScaleSchema = z.strictObject({
  type: z.literal('yes-no'),
  yes: localizedTextSchema.optional(),
  no: localizedTextSchema.optional(),
  dontKnow: localizedTextSchema.optional(),
});

const namedLevelSchema = z.strictObject({
  value: z.number().int(),
  label: localizedTextSchema,
  /** What the level means, shown as a hint under its radio button. */
  description: localizedTextSchema.optional(),
});

/** An ordinal scale whose every level has a name (e.g. 0 Obefintlig … 4 Branschledande). */
const levelsScaleSchema = z.strictObject({
  type: z.literal('levels'),
  levels: z.array(namedLevelSchema).min(2, 'an ordinal scale needs at least two levels'),
  dontKnow: localizedTextSchema.optional(),
});

const bandSchema = z.strictObject({
  value: z.number().int(),
  /** Lower bound of the band (inclusive), in the scale's unit. */
  from: z.number(),
  /** Upper bound (inclusive); omitted for an open-ended band such as "full time". */
  to: z.number().optional(),
  label: localizedTextSchema,
});

/** A number answered as one of several bands (e.g. hours per week: 0, 1–10, 11–20 …). */
const bandsScaleSchema = z.strictObject({
  type: z.literal('bands'),
  unit: localizedTextSchema,
  bands: z.array(bandSchema).min(2, 'a banded number needs at least two bands'),
  dontKnow: localizedTextSchema.optional(),
});

const rawScaleSchema = z.discriminatedUnion('type', [numericScaleSchema, yesNoScaleSchema, levelsScaleSchema, bandsScaleSchema]);

const DEFAULT_YES = { sv: 'Ja', en: 'Yes' };
const DEFAULT_NO = { sv: 'Nej', en: 'No' };

/**
 * Every answer type is normalised to the same frame: integer values from min to max, the
 * labelled values in the order they are offered (`labels`), and an optional "don't know".
 * Code written for the 0–6 scale (scoring, the survey) keeps working on all of them; code that
 * needs more (band bounds, level descriptions) looks at `type`.
 */
const answerScaleSchema = rawScaleSchema
  .superRefine((scale, ctx) => {
    const values =
      scale.type === 'levels' ? scale.levels.map((level) => level.value) : scale.type === 'bands' ? scale.bands.map((band) => band.value) : [];
    const seen = new Set<number>();
    values.forEach((value, index) => {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [scale.type === 'levels' ? 'levels' : 'bands', index, 'value'], message: `value ${value} is used twice` });
      seen.add(value);
    });
    if (scale.type === 'bands') {
      scale.bands.forEach((band, index) => {
        if (band.to !== undefined && band.to < band.from) {
          ctx.addIssue({ code: 'custom', path: ['bands', index, 'to'], message: 'a band must end at or after its start ("to" ≥ "from")' });
        }
        if (band.to === undefined && index !== scale.bands.length - 1) {
          ctx.addIssue({ code: 'custom', path: ['bands', index, 'to'], message: 'only the last band may be open-ended' });
        }
      });
    }
  })
  .transform((scale) => {
    switch (scale.type) {
      case 'scale':
        return scale;
      case 'yes-no':
        return {
          ...scale,
          min: 0,
          max: 1,
          labels: [
            { value: 1, label: scale.yes ?? DEFAULT_YES },
            { value: 0, label: scale.no ?? DEFAULT_NO },
          ],
        };
      case 'levels': {
        const values = scale.levels.map((level) => level.value);
        return { ...scale, min: Math.min(...values), max: Math.max(...values), labels: scale.levels.map(({ value, label }) => ({ value, label })) };
      }
      case 'bands': {
        const values = scale.bands.map((band) => band.value);
        return { ...scale, min: Math.min(...values), max: Math.max(...values), labels: scale.bands.map(({ value, label }) => ({ value, label })) };
      }
    }
  });

/** Shows an item only when an earlier item of the same capability has one of the given answers. */
const showIfSchema = z.strictObject({
  item: keySchema,
  /** Answer values (e.g. 1 for "yes") for which the item is shown and answered. */
  in: z.array(z.number().int()).min(1),
});

const itemSchema = z.strictObject({
  key: keySchema,
  text: localizedTextSchema,
  /** Extra guidance shown under the question. */
  hint: localizedTextSchema.optional(),
  /** A reversed statement is phrased negatively: it counts as (max − answer) + min. */
  reversed: z.boolean().default(false),
  /** Key of a scale in `scales`; defaults to the instrument's `defaultScale`. */
  scale: keySchema.optional(),
  /** A follow-up: asked only when another item has a given answer; ignored otherwise. */
  showIf: showIfSchema.optional(),
  /** Ask for a target level on the same scale beside the current one. */
  target: z.boolean().default(false),
  /** Offer a free-text comment field for this item. */
  comment: z.boolean().default(false),
});

const capabilitySchema = z.strictObject({
  key: keySchema,
  name: localizedTextSchema,
  /** Everyday words that explain the capability to a respondent. */
  help: localizedTextSchema,
  /** What the capability covers, for a report's reader (optional; reports fall back to `help`). */
  description: localizedTextSchema.optional(),
  items: z.array(itemSchema).min(1, 'a capability needs at least one item'),
});

const categorySchema = z.strictObject({
  key: keySchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  capabilities: z.array(capabilitySchema).min(1, 'a category needs at least one capability'),
});

const dimensionSchema = z.strictObject({
  key: keySchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  categories: z.array(categorySchema).min(1, 'a dimension needs at least one category'),
});


const quadrantTextSchema = z.strictObject({
  title: localizedTextSchema,
  description: localizedTextSchema,
  recommendations: z.array(localizedTextSchema).default([]),
});

/** How results are read; formulas themselves live in src/domain/scoring and docs/method.md. */
const resultsSchema = z.strictObject({
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
const comparabilitySchema = z.strictObject({
  version: z.string().min(1),
  /** Capability keys whose scores form an unbroken series with that version. */
  capabilities: z.array(keySchema),
});

/**
 * Who answers: `individual` — many respondents, each on their own, results averaged;
 * `joint` — one answer per organisation, filled in by the coordinator or a named respondent
 * (possibly together with colleagues in a workshop).
 */
const respondentModeSchema = z.enum(['individual', 'joint']);

/**
 * A condition over one organisation's (or respondent's) answers. Comparisons are false for an
 * unanswered item or "don't know"; `answered` tests that explicitly.
 */
export type Condition =
  | { item: string; equals: number }
  | { item: string; in: number[] }
  | { item: string; atMost: number }
  | { item: string; atLeast: number }
  | { item: string; answered: boolean }
  | { item: string; gapAtLeast: number }
  | { countOf: { within?: string | undefined; atMost?: number | undefined; atLeast?: number | undefined; gapAtLeast?: number | undefined }; min: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ item: keySchema, equals: z.number().int() }),
    z.strictObject({ item: keySchema, in: z.array(z.number().int()).min(1) }),
    z.strictObject({ item: keySchema, atMost: z.number() }),
    z.strictObject({ item: keySchema, atLeast: z.number() }),
    z.strictObject({ item: keySchema, answered: z.boolean() }),
    /** target − current ≥ n (items with `target: true`). */
    z.strictObject({ item: keySchema, gapAtLeast: z.number() }),
    /**
     * At least `min` answered items (within a dimension, category or capability key, or all) lie
     * in the bounds; with `gapAtLeast`, items whose target exceeds the current level by that much.
     */
    z.strictObject({
      countOf: z.strictObject({
        within: keySchema.optional(),
        atMost: z.number().optional(),
        atLeast: z.number().optional(),
        gapAtLeast: z.number().optional(),
      }),
      min: z.number().int().min(1),
    }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

/** A recommendation chosen by the answers: shown when `when` holds. */
const recommendationSchema = z.strictObject({
  key: keySchema,
  title: localizedTextSchema,
  text: localizedTextSchema,
  when: conditionSchema,
});

const practiceSchema = z.strictObject({
  /** A yes/no item: is the practice established? */
  established: keySchema,
  /** An ordinal follow-up (asked when established): to what degree it has been introduced. */
  degree: keySchema,
});

const perspectiveSchema = z.strictObject({
  key: keySchema,
  name: localizedTextSchema,
  question: localizedTextSchema,
});

/**
 * How a joint instrument's results are presented (formulas: docs/method.md).
 * `practice-index`: practices established yes/no with a degree; index = share established, weighted by degree.
 * `level-map`: every capability rated on a level scale; heat map, weak capabilities, target gap, collaboration candidates.
 */
const analysisSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('practice-index'),
    /** What the index is called on result pages (e.g. "Index för informationssäkerhetsarbetet"). */
    indexName: localizedTextSchema.optional(),
    practices: z.array(practiceSchema).min(1),
  }),
  z.strictObject({
    kind: z.literal('level-map'),
    /** A capability at or below this level is weak. */
    weakAtMost: z.number().int(),
    /** A capability at or above this level is strong (others can learn from it). */
    strongAtLeast: z.number().int(),
    /** A collaboration candidate needs at least this many weak members (and one strong). */
    collaborationMinWeak: z.number().int().min(1).default(3),
    /** Perspectives for analysing why a capability is weak. */
    perspectives: z.array(perspectiveSchema).default([]),
  }),
]);

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
    /** Result presentation of a joint instrument (see analysisSchema). */
    analysis: analysisSchema.optional(),
    recommendations: z.array(recommendationSchema).default([]),
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
    const itemScales = new Map<string, AnswerScale>();
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
            const scale = instrument.scales[item.scale ?? instrument.defaultScale];
            if (scale) itemScales.set(item.key, scale);
            if (item.showIf) {
              const earlier = capability.items.slice(0, i).find((candidate) => candidate.key === item.showIf!.item);
              if (!earlier) {
                ctx.addIssue({
                  code: 'custom',
                  path: [...capabilityPath, 'items', i, 'showIf', 'item'],
                  message: `showIf must name an earlier item of the same capability; "${item.showIf.item}" is not one`,
                });
              } else {
                const parentScale = instrument.scales[earlier.scale ?? instrument.defaultScale];
                item.showIf.in.forEach((value, v) => {
                  if (parentScale && (value < parentScale.min || value > parentScale.max)) {
                    ctx.addIssue({ code: 'custom', path: [...capabilityPath, 'items', i, 'showIf', 'in', v], message: `${value} is not an answer of item "${earlier.key}"` });
                  }
                });
              }
            }
          });
        });
      });
    });
    const scopeKeys = new Set(seen.keys());
    const checkCondition = (condition: Condition, path: (string | number)[]): void => {
      if ('all' in condition) condition.all.forEach((inner, index) => checkCondition(inner, [...path, 'all', index]));
      else if ('any' in condition) condition.any.forEach((inner, index) => checkCondition(inner, [...path, 'any', index]));
      else if ('not' in condition) checkCondition(condition.not, [...path, 'not']);
      else if ('countOf' in condition) {
        if (condition.countOf.within && !scopeKeys.has(condition.countOf.within)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'countOf', 'within'], message: `no dimension, category or capability with key "${condition.countOf.within}"` });
        }
      } else if (!itemScales.has(condition.item)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'item'], message: `no item with key "${condition.item}"` });
      }
    };
    instrument.recommendations.forEach((recommendation, r) => {
      claim(recommendation.key, ['recommendations', r, 'key']);
      checkCondition(recommendation.when, ['recommendations', r, 'when']);
    });
    const analysis = instrument.analysis;
    if (analysis && instrument.respondentMode !== 'joint') {
      ctx.addIssue({ code: 'custom', path: ['analysis'], message: 'analysis is for joint instruments (respondentMode: joint)' });
    }
    if (analysis?.kind === 'practice-index') {
      analysis.practices.forEach((practice, p) => {
        const established = itemScales.get(practice.established);
        if (!established) ctx.addIssue({ code: 'custom', path: ['analysis', 'practices', p, 'established'], message: `no item with key "${practice.established}"` });
        else if (established.type !== 'yes-no') ctx.addIssue({ code: 'custom', path: ['analysis', 'practices', p, 'established'], message: 'the "established" item must use a yes-no scale' });
        const degree = itemScales.get(practice.degree);
        if (!degree) ctx.addIssue({ code: 'custom', path: ['analysis', 'practices', p, 'degree'], message: `no item with key "${practice.degree}"` });
        else if (degree.min < 1) ctx.addIssue({ code: 'custom', path: ['analysis', 'practices', p, 'degree'], message: 'the degree scale must start at 1 or above (0 means "not established")' });
      });
    }
    if (analysis?.kind === 'level-map') {
      instrument.dimensions.forEach((dimension, d) =>
        dimension.categories.forEach((category, c) =>
          category.capabilities.forEach((capability, k) => {
            if (capability.items.length !== 1) {
              ctx.addIssue({ code: 'custom', path: ['dimensions', d, 'categories', c, 'capabilities', k, 'items'], message: 'in a level map every capability is rated by exactly one item' });
            }
          }),
        ),
      );
    }
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

export type LocalizedText = Text;
export type AnswerScale = z.infer<typeof answerScaleSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Capability = z.infer<typeof capabilitySchema>;
export type Category = z.infer<typeof categorySchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type QuadrantKey = 'A' | 'B' | 'C' | 'D';
export type Instrument = z.infer<typeof instrumentSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
