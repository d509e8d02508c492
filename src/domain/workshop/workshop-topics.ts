// The topics of a results workshop (issue 16), derived from a member's published results: the
// matrix and its quadrant, the largest gaps against the federation and the nation, where
// respondents disagree most, the weakest capabilities, information-security practices not in
// place and collaboration candidates. Pure: it receives figures that already passed the
// anonymity rule (the results page's own published figures) and texts in the reader's language,
// and leaves out every topic without data.

/** One figure or bullet on a topic's screen. */
interface TopicPoint {
  label: string;
  value?: string;
}

/** Every topic a workshop may have, in the order they are shown. */
export const WORKSHOP_TOPIC_KEYS = ['matrix', 'gaps', 'spread', 'weakest', 'capabilities', 'security', 'collaboration'] as const;

export interface WorkshopTopic {
  key: (typeof WORKSHOP_TOPIC_KEYS)[number];
  title: string;
  lead: string;
  points: TopicPoint[];
  /** A chart of src/charts shown with the topic (its id among maturityCharts). */
  chartId?: string;
}

interface Gap {
  name: string;
  own: number;
  benchmark: number;
  difference: number;
}

export interface WorkshopData {
  quadrant: { key: string; title: string; description: string; recommendations: string[] } | null;
  maturityPercent: number | null;
  federationName: string | null;
  gaps: { federation: Gap[]; national: Gap[] };
  /** The spread the results page shows (empty when it shows none). */
  spread: Array<{ name: string; sd: number; n: number }>;
  weakest: Array<{ name: string; score: number }>;
  /** The capability map's weakest capabilities (joint assessment) with their level. */
  weakCapabilities: Array<{ name: string; level: number }>;
  securityGaps: string[];
  collaboration: string[];
}

export interface WorkshopTopicTexts {
  matrixTitle: string;
  matrixLead: (quadrant: string, title: string, description: string) => string;
  maturity: string;
  gapsTitle: string;
  gapsLead: string;
  gapFederation: (name: string, federation: string) => string;
  gapNational: (name: string) => string;
  spreadTitle: string;
  spreadLead: string;
  spreadValue: (sd: string, n: number) => string;
  weakestTitle: string;
  weakestLead: string;
  capabilitiesTitle: string;
  capabilitiesLead: string;
  /** The six perspectives for finding a weak capability's root cause. */
  perspectives: string[];
  level: (value: number) => string;
  securityTitle: string;
  securityLead: string;
  collaborationTitle: string;
  collaborationLead: string;
  /** A figure in the reader's language (one decimal). */
  number: (value: number) => string;
  percent: (value: number) => string;
  signed: (value: number) => string;
}

/** How many entries a topic lists at most: a projector screen holds a handful. */
const MAX_POINTS = 5;

export function workshopTopics(data: WorkshopData, texts: WorkshopTopicTexts): WorkshopTopic[] {
  const topics: WorkshopTopic[] = [];
  if (data.quadrant) {
    const points: TopicPoint[] = [];
    if (data.maturityPercent !== null) points.push({ label: texts.maturity, value: texts.percent(data.maturityPercent) });
    for (const text of data.quadrant.recommendations.slice(0, MAX_POINTS)) points.push({ label: text });
    topics.push({ key: 'matrix', title: texts.matrixTitle, lead: texts.matrixLead(data.quadrant.key, data.quadrant.title, data.quadrant.description), points, chartId: 'maturity-matrix' });
  }
  const gapPoints: TopicPoint[] = [];
  const federation = data.federationName;
  if (federation) {
    for (const gap of data.gaps.federation.slice(0, MAX_POINTS)) gapPoints.push({ label: texts.gapFederation(gap.name, federation), value: texts.signed(gap.difference) });
  }
  for (const gap of data.gaps.national.slice(0, MAX_POINTS)) gapPoints.push({ label: texts.gapNational(gap.name), value: texts.signed(gap.difference) });
  if (gapPoints.length > 0) topics.push({ key: 'gaps', title: texts.gapsTitle, lead: texts.gapsLead, points: gapPoints });
  if (data.spread.length > 0) {
    const points = [...data.spread].sort((a, b) => b.sd - a.sd).slice(0, MAX_POINTS).map((entry) => ({ label: entry.name, value: texts.spreadValue(texts.number(entry.sd), entry.n) }));
    topics.push({ key: 'spread', title: texts.spreadTitle, lead: texts.spreadLead, points });
  }
  if (data.weakest.length > 0) {
    const points = [...data.weakest].sort((a, b) => a.score - b.score).slice(0, MAX_POINTS).map((entry) => ({ label: entry.name, value: texts.number(entry.score) }));
    topics.push({ key: 'weakest', title: texts.weakestTitle, lead: texts.weakestLead, points });
  }
  if (data.weakCapabilities.length > 0) {
    const points: TopicPoint[] = [...data.weakCapabilities]
      .sort((a, b) => a.level - b.level)
      .slice(0, MAX_POINTS)
      .map((entry) => ({ label: entry.name, value: texts.level(entry.level) }));
    topics.push({ key: 'capabilities', title: texts.capabilitiesTitle, lead: texts.capabilitiesLead, points: [...points, ...texts.perspectives.map((label) => ({ label }))] });
  }
  if (data.securityGaps.length > 0) topics.push({ key: 'security', title: texts.securityTitle, lead: texts.securityLead, points: data.securityGaps.map((label) => ({ label })) });
  if (data.collaboration.length > 0) topics.push({ key: 'collaboration', title: texts.collaborationTitle, lead: texts.collaborationLead, points: data.collaboration.map((label) => ({ label })) });
  return topics;
}
