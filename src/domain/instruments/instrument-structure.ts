// Read-only views over an Instrument that pages, scoring and the CLI all need.
import type { AnswerScale, Capability, Category, Dimension, Instrument, Item } from './instrument-schema.ts';

export interface ItemInContext {
  item: Item;
  capability: Capability;
  category: Category;
  dimension: Dimension;
  scale: AnswerScale;
}

export function scaleOf(instrument: Instrument, item: Item): AnswerScale {
  const scale = instrument.scales[item.scale ?? instrument.defaultScale];
  if (!scale) throw new Error(`Instrument ${instrument.key}@${instrument.version}: item ${item.key} has no scale`);
  return scale;
}

/** Every item in questionnaire order, with the capability, category and dimension it belongs to. */
export function itemsInOrder(instrument: Instrument): ItemInContext[] {
  const result: ItemInContext[] = [];
  for (const dimension of instrument.dimensions) {
    for (const category of dimension.categories) {
      for (const capability of category.capabilities) {
        for (const item of capability.items) {
          result.push({ item, capability, category, dimension, scale: scaleOf(instrument, item) });
        }
      }
    }
  }
  return result;
}

export function itemIndex(instrument: Instrument): Map<string, ItemInContext> {
  return new Map(itemsInOrder(instrument).map((entry) => [entry.item.key, entry]));
}

export interface SurveyPage {
  /** 1-based page number as shown to the respondent. */
  number: number;
  dimension: Dimension;
  category: Category;
}

/** The respondent answers one category per page, in questionnaire order. */
export function surveyPages(instrument: Instrument): SurveyPage[] {
  const pages: SurveyPage[] = [];
  for (const dimension of instrument.dimensions) {
    for (const category of dimension.categories) {
      pages.push({ number: pages.length + 1, dimension, category });
    }
  }
  return pages;
}

export function allCapabilities(instrument: Instrument): Array<{ capability: Capability; category: Category; dimension: Dimension }> {
  return instrument.dimensions.flatMap((dimension) =>
    dimension.categories.flatMap((category) =>
      category.capabilities.map((capability) => ({ capability, category, dimension })),
    ),
  );
}

/** A survey page's statements in order, each with its capability. */
export function pageItems(page: Pick<SurveyPage, 'category'>): Array<{ capability: Capability; item: Item }> {
  return page.category.capabilities.flatMap((capability) => capability.items.map((item) => ({ capability, item })));
}
