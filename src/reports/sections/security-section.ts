// The information-security part: the answer table, the index and the recommendations the
// answers select (rules in the instrument file); for the federation, how many members have
// each practice and the spread of the index.
import { practiceScoreChart } from '../../charts/joint-charts.ts';
import type { AnswerSet } from '../../domain/instruments/answer-set.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { itemsInOrder } from '../../domain/instruments/instrument-structure.ts';
import { practiceIndex } from '../../domain/joint-results/practice-index.ts';
import { selectRecommendations } from '../../domain/recommendations/evaluate-recommendations.ts';
import { formatNumber, type Locale } from '../../i18n/format.ts';
import { messages, pick } from '../../i18n/messages.ts';
import { answerInWords } from '../../ui/answer-words.ts';
import type { DocumentBuilder } from '../document-builder.ts';
import type { FederationReportInput, SecurityPart } from '../report-input.ts';
import type { ReportTexts } from '../report-texts.ts';

/** Each question with the answer in words, as the joint results page shows it. */
function answerRows(instrument: Instrument, answers: AnswerSet, t: ReportTexts, locale: Locale): string[][] {
  return itemsInOrder(instrument).map(({ item, scale }) => [pick(item.text, locale), answerInWords(item, scale, answers, t, locale)]);
}

export function memberSecuritySection(b: DocumentBuilder, part: SecurityPart, t: ReportTexts, locale: Locale, year: number): void {
  const { instrument, answers } = part;
  const result = practiceIndex(instrument, answers);
  b.heading(1, t.security).paragraph(t.securityIntro);
  if (result.index !== null) b.paragraph(t.securityIndex(formatNumber(locale, result.index, 0), result.inPlace, result.practices.length));
  if (part.previous) b.paragraph(t.securityChange(year - 1, practiceIndex(instrument, part.previous).inPlace, result.inPlace));
  b.table(t.answerTable, t.answerColumns, answerRows(instrument, answers, t, locale));
  b.figure(practiceScoreChart(result, messages(locale).joint, locale));
  b.heading(2, t.recommendations).paragraph(t.securityRecommendationsIntro);
  const recommendations = selectRecommendations(instrument, answers);
  if (recommendations.length === 0) b.paragraph(t.noRecommendations);
  else b.bullets(recommendations.map((recommendation) => [{ text: `${pick(recommendation.title, locale)}. `, strong: true }, pick(recommendation.text, locale)]));
}

export function federationSecuritySection(b: DocumentBuilder, part: NonNullable<FederationReportInput['security']>, t: ReportTexts, locale: Locale): void {
  b.heading(1, t.security).paragraph(t.securityIntro, ' ', t.securityFederationIntro(part.members));
  if (part.indexes.length > 0) {
    const low = Math.min(...part.indexes);
    const high = Math.max(...part.indexes);
    const avg = part.indexes.reduce((sum, value) => sum + value, 0) / part.indexes.length;
    b.paragraph(t.indexDistribution(formatNumber(locale, low, 0), formatNumber(locale, avg, 0), formatNumber(locale, high, 0)));
  }
  b.table(
    t.practiceCountsTable,
    t.practiceCountColumns,
    part.counts.map((count) => [pick(count.capability.name, locale), String(count.established), String(count.notEstablished), String(count.unanswered)]),
    ['left', 'right', 'right', 'right'],
  );
}
