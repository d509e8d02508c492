// The concepts behind the reports (the seed's "Begrepp och termer"): the three steps from
// digitisation to digital transformation, the digital organisation's outside, inside and engine,
// and the elements a capability consists of. Placed under the terms chapter of both reports.
import type { DocumentBuilder } from '../document-builder.ts';
import type { ReportTexts } from '../report-texts.ts';

export function conceptsSection(b: DocumentBuilder, t: ReportTexts): void {
  const c = t.chapters;
  b.heading(2, c.phasesTitle).paragraph(c.phasesIntro);
  b.table(c.phasesTitle, c.phaseColumns, c.phases.map((row) => [...row]));
  b.heading(2, c.layersTitle).paragraph(c.layersIntro);
  b.table(c.layersTitle, c.layerColumns, c.layers.map((row) => [...row]));
  b.heading(2, c.elementsTitle).paragraph(c.elementsIntro);
  b.table(c.elementsTitle, c.elementColumns, c.elements.map((row) => [...row]));
}
