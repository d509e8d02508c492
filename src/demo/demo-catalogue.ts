// The fixed cast of the demo federation: invented municipalities, the departments a Swedish
// kommun typically has, and common first and last names. Everything here is fiction; the
// member names are checked against the real kommuner in demo-plan.test.ts.

/**
 * A maturity profile on the 0–6 reference scale, in scoring direction (after reversal):
 * `formaga` high = strong capability; `arv` high = the legacy (systems, structures, habits)
 * enables change, low = it holds change back. 3.0 is the usual quadrant threshold.
 */
export interface MaturityProfile {
  formaga: number;
  arv: number;
}

export interface DemoMemberDefinition {
  key: string;
  /** Without " kommun". */
  name: string;
  /** ASCII-folded, used in e-mail addresses: `<domain>.example`. */
  domain: string;
  inhabitants: number;
  /** This year's true profile; the answers of the open round are drawn around it. */
  profile: MaturityProfile;
  /** Change since last year (this year − last year); mostly improvement. */
  change: MaturityProfile;
  /** People invited to last year's (closed) round. */
  closedRespondents: number;
  /** Share of this year's (open) round that has already submitted. */
  openSubmittedShare: number;
  /** Put exactly two respondents in one enhet of last year's round (for anonymity rules). */
  twoRespondentUnit?: boolean;
  /** false: the member chose not to take part in the IT-cost analysis (as 3 of 14 did in the seed's study). */
  costAnalysis?: boolean;
}

// Quadrants this year (threshold 3.0): A low/low, B low förmåga + enabling arv,
// C high förmåga + limiting arv, D high/high. Vassända (A → C) and Aspvreten (B → D)
// cross a threshold between the years; Ekdala slips back a little.
export const DEMO_MEMBERS: readonly DemoMemberDefinition[] = [
  { key: 'granasa', name: 'Granåsa', domain: 'granasa', inhabitants: 58_200, profile: { formaga: 4.4, arv: 4.1 }, change: { formaga: 0.3, arv: 0.2 }, closedRespondents: 25, openSubmittedShare: 0.55 },
  { key: 'lovstrand', name: 'Lövstrand', domain: 'lovstrand', inhabitants: 41_600, profile: { formaga: 4.0, arv: 2.2 }, change: { formaga: 0.4, arv: 0 }, closedRespondents: 21, openSubmittedShare: 0.4 },
  { key: 'backeby', name: 'Bäckeby', domain: 'backeby', inhabitants: 12_900, profile: { formaga: 2.1, arv: 1.9 }, change: { formaga: 0.2, arv: 0.1 }, closedRespondents: 9, openSubmittedShare: 0.3, twoRespondentUnit: true },
  { key: 'stensjo', name: 'Stensjö', domain: 'stensjo', inhabitants: 27_400, profile: { formaga: 2.5, arv: 3.8 }, change: { formaga: 0.5, arv: 0.1 }, closedRespondents: 16, openSubmittedShare: 0.6 },
  { key: 'ekdala', name: 'Ekdala', domain: 'ekdala', inhabitants: 7_300, profile: { formaga: 1.6, arv: 2.4 }, change: { formaga: -0.1, arv: 0 }, closedRespondents: 4, openSubmittedShare: 0.25, costAnalysis: false },
  { key: 'ronnholm', name: 'Rönnholm', domain: 'ronnholm', inhabitants: 33_800, profile: { formaga: 3.7, arv: 3.5 }, change: { formaga: 0.4, arv: 0.3 }, closedRespondents: 18, openSubmittedShare: 0.5 },
  { key: 'tallmyra', name: 'Tallmyra', domain: 'tallmyra', inhabitants: 4_600, profile: { formaga: 2.3, arv: 4.2 }, change: { formaga: 0.1, arv: 0 }, closedRespondents: 6, openSubmittedShare: 0, costAnalysis: false },
  { key: 'vassanda', name: 'Vassända', domain: 'vassanda', inhabitants: 19_700, profile: { formaga: 3.5, arv: 2.0 }, change: { formaga: 0.7, arv: 0 }, closedRespondents: 13, openSubmittedShare: 0.35 },
  { key: 'korpedal', name: 'Korpedal', domain: 'korpedal', inhabitants: 9_800, profile: { formaga: 2.6, arv: 2.7 }, change: { formaga: 0.3, arv: 0.4 }, closedRespondents: 8, openSubmittedShare: 0.5 },
  { key: 'hjortvika', name: 'Hjortvika', domain: 'hjortvika', inhabitants: 46_300, profile: { formaga: 4.8, arv: 3.4 }, change: { formaga: 0.2, arv: 0.1 }, closedRespondents: 22, openSubmittedShare: 0.2 },
  { key: 'myrbacka', name: 'Myrbacka', domain: 'myrbacka', inhabitants: 15_200, profile: { formaga: 1.9, arv: 3.8 }, change: { formaga: 0.2, arv: 0.4 }, closedRespondents: 11, openSubmittedShare: 0.45 },
  { key: 'norrlida', name: 'Norrlida', domain: 'norrlida', inhabitants: 23_500, profile: { formaga: 4.2, arv: 1.5 }, change: { formaga: 0.2, arv: -0.2 }, closedRespondents: 14, openSubmittedShare: 0.15 },
  { key: 'salgnas', name: 'Sälgnäs', domain: 'salgnas', inhabitants: 6_100, profile: { formaga: 2.4, arv: 1.4 }, change: { formaga: 0, arv: 0.1 }, closedRespondents: 7, openSubmittedShare: 0.4, costAnalysis: false },
  { key: 'aspvreten', name: 'Aspvreten', domain: 'aspvreten', inhabitants: 36_900, profile: { formaga: 3.3, arv: 4.5 }, change: { formaga: 0.4, arv: 0.2 }, closedRespondents: 19, openSubmittedShare: 0.3 },
];

export interface DepartmentDefinition {
  slug: string;
  name: string;
  /** Enheter it may have; a member gets a random 0–3 of them (IT-enheten always). */
  units: ReadonlyArray<{ slug: string; name: string }>;
}

/** Kommunledningsförvaltningen first: every member has it, with its IT-enhet. */
export const DEPARTMENTS: readonly DepartmentDefinition[] = [
  {
    slug: 'kommunledning',
    name: 'Kommunledningsförvaltningen',
    units: [
      { slug: 'it', name: 'IT-enheten' },
      { slug: 'ekonomi', name: 'Ekonomienheten' },
      { slug: 'hr', name: 'HR-enheten' },
      { slug: 'kommunikation', name: 'Kommunikationsenheten' },
    ],
  },
  {
    slug: 'social',
    name: 'Socialförvaltningen',
    units: [
      { slug: 'ifo', name: 'Individ- och familjeomsorg' },
      { slug: 'funktionsstod', name: 'Funktionsstöd' },
      { slug: 'forsorjningsstod', name: 'Försörjningsstöd' },
    ],
  },
  {
    slug: 'bou',
    name: 'Barn- och utbildningsförvaltningen',
    units: [
      { slug: 'forskola', name: 'Förskola' },
      { slug: 'grundskola', name: 'Grundskola' },
      { slug: 'gymnasium', name: 'Gymnasieskola och vuxenutbildning' },
    ],
  },
  {
    slug: 'samhallsbyggnad',
    name: 'Samhällsbyggnadsförvaltningen',
    units: [
      { slug: 'bygglov', name: 'Bygglovsenheten' },
      { slug: 'plan', name: 'Planenheten' },
      { slug: 'miljo', name: 'Miljö- och hälsoskyddsenheten' },
    ],
  },
  {
    slug: 'vard-omsorg',
    name: 'Vård- och omsorgsförvaltningen',
    units: [
      { slug: 'hemtjanst', name: 'Hemtjänst' },
      { slug: 'sarskilt-boende', name: 'Särskilt boende' },
      { slug: 'hsl', name: 'Hälso- och sjukvård' },
    ],
  },
  {
    slug: 'teknik',
    name: 'Tekniska förvaltningen',
    units: [
      { slug: 'va', name: 'VA-enheten' },
      { slug: 'gata-park', name: 'Gata och park' },
      { slug: 'fastighet', name: 'Fastighetsenheten' },
    ],
  },
  {
    slug: 'kultur-fritid',
    name: 'Kultur- och fritidsförvaltningen',
    units: [
      { slug: 'bibliotek', name: 'Biblioteket' },
      { slug: 'fritid', name: 'Fritidsenheten' },
    ],
  },
  {
    slug: 'arbetsmarknad',
    name: 'Arbetsmarknadsförvaltningen',
    units: [
      { slug: 'arbetsmarknadsenheten', name: 'Arbetsmarknadsenheten' },
      { slug: 'integration', name: 'Integrationsenheten' },
    ],
  },
];

/** Roles that know the technical side; others answer "don't know" more often on it. */
export const IT_ROLES: ReadonlySet<string> = new Set([
  'IT-chef',
  'IT-strateg',
  'systemförvaltare',
  'informationssäkerhetssamordnare',
  'digitaliseringsstrateg',
]);

/** Roles spread over units after the chefs and strategists are placed. */
export const FILLER_ROLES: readonly string[] = [
  'verksamhetsutvecklare',
  'verksamhetsutvecklare',
  'avdelningschef',
  'enhetschef',
  'systemförvaltare',
  'kvalitetsutvecklare',
  'utvecklingsledare',
];

export const FIRST_NAMES: readonly string[] = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Lena', 'Kerstin', 'Emma', 'Ingrid', 'Malin',
  'Linnea', 'Elin', 'Johanna', 'Sofia', 'Åsa', 'Helena', 'Camilla', 'Annika', 'Ulrika', 'Jenny',
  'Therese', 'Lisa', 'Maja', 'Ida', 'Frida', 'Petra', 'Fatima', 'Leila', 'Marie', 'Louise',
  'Erik', 'Lars', 'Karl', 'Anders', 'Johan', 'Per', 'Mikael', 'Jan', 'Peter', 'Thomas',
  'Daniel', 'Fredrik', 'Magnus', 'Mattias', 'Andreas', 'Jonas', 'Niklas', 'Stefan', 'Henrik', 'Oskar',
  'Björn', 'Göran', 'Jörgen', 'Håkan', 'Ali', 'Mohammed', 'Emil', 'Viktor', 'Olof', 'Gustav',
];

export const LAST_NAMES: readonly string[] = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
  'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Olofsson',
  'Lindström', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Lundqvist',
  'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund',
  'Danielsson', 'Lundin', 'Håkansson', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson',
  'Fransson', 'Bergqvist', 'Nyström', 'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Åberg',
];
