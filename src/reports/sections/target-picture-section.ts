// The target picture (målbild) in a member's sub-report: the study's shared goal picture (the
// analyst's bullets, or the defaults) and, when the member gave target levels in the capability
// map, how many capabilities are below them and where the distance is largest.
import { levelWord } from '../../charts/joint-charts.ts';
import { levelMap, type CapabilityLevel } from '../../domain/joint-results/level-map.ts';
import type { Locale } from '../../i18n/format.ts';
import { pick } from '../../i18n/messages.ts';
import type { DocumentBuilder } from '../document-builder.ts';
import type { CapabilityMapPart, MemberReportInput } from '../report-input.ts';
import type { ReportTexts } from '../report-texts.ts';
import { levelScale } from './capability-map-section.ts';
import { federationLinkCallout } from './federation-links.ts';

/** How many of the largest gaps the report lists. */
const LARGEST_GAPS_SHOWN = 5;

interface TargetGaps {
  /** Capabilities with both a level and a target level. */
  withTarget: number;
  /** Those below their target, largest gap first (levelMap's order). */
  below: CapabilityLevel[];
}

function targetGaps(part: CapabilityMapPart): TargetGaps {
  const result = levelMap(part.instrument, part.answers);
  return { withTarget: result.capabilities.filter((entry) => entry.gap !== null).length, below: result.gaps };
}

export function memberTargetPictureSection(b: DocumentBuilder, input: MemberReportInput, t: ReportTexts, locale: Locale): void {
  const { frame } = input;
  b.heading(1, t.goalPicture).paragraph(t.chapters.targetIntro);
  b.bullets(frame.texts.goalPicture.length > 0 ? frame.texts.goalPicture : t.defaultGoalPicture);
  const part = input.capabilityMap;
  if (part) {
    const gaps = targetGaps(part);
    if (gaps.withTarget === 0) b.paragraph(t.chapters.noTargets);
    else {
      b.paragraph(t.chapters.targetGaps(gaps.below.length, gaps.withTarget));
      if (gaps.below.length > 0) {
        const scale = levelScale(part.instrument);
        b.table(
          t.chapters.largestGapsTitle,
          t.chapters.largestGapColumns,
          gaps.below.slice(0, LARGEST_GAPS_SHOWN).map((entry) => [pick(entry.capability.name, locale), levelWord(scale, entry.level!, locale), levelWord(scale, entry.target!, locale), String(entry.gap)]),
          ['left', 'left', 'left', 'right'],
        );
      }
    }
  }
  federationLinkCallout(b, frame, t.goalPicture, t);
}
