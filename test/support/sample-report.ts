// A small report document with every kind of block, for the renderer tests: each renderer must
// carry every heading, paragraph, list item, table cell, figure (with its alt text) and callout.
import type { ChartSpec } from '../../src/charts/chart-spec.ts';
import type { ReportDocument } from '../../src/reports/report-model.ts';

export const sampleBarChart: ChartSpec = {
  id: 'sample-bars',
  title: 'Mognad per område',
  summary: 'Effektivitet 3,4, innovation 2,1 och balansering 2,8 på skalan 0–6.',
  width: 640,
  height: 320,
  option: {
    grid: { left: 120, right: 24, top: 24, bottom: 32 },
    xAxis: { type: 'value', min: 0, max: 6 },
    yAxis: { type: 'category', data: ['Effektivitet', 'Innovation', 'Balansering'], inverse: true },
    series: [
      { type: 'bar', name: 'Egen', data: [3.4, 2.1, 2.8], label: { show: true }, itemStyle: { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -0.785 } } },
    ],
  },
  table: { caption: 'Mognad per område', columns: ['Område', 'Värde'], rows: [['Effektivitet', 3.4], ['Innovation', 2.1], ['Balansering', 2.8]] },
};

export const sampleRadarChart: ChartSpec = {
  id: 'sample-radar',
  title: 'Förmågor jämfört med förbundet',
  summary: 'Kommunen ligger under förbundets medel i fyra av sex områden.',
  width: 560,
  height: 420,
  option: {
    legend: { bottom: 0 },
    radar: { indicator: ['Effektivitet', 'Innovation', 'Balansering', 'Teknik', 'Organisation', 'Användare'].map((name) => ({ name, min: 0, max: 6 })) },
    series: [
      {
        type: 'radar',
        data: [
          { name: 'Kommunen', value: [3.4, 2.1, 2.8, 3.9, 2.5, 3.1] },
          { name: 'Förbundets medel', value: [3.1, 2.6, 3.0, 3.5, 2.9, 3.3], lineStyle: { type: 'dashed' } },
        ],
      },
    ],
  },
  table: { caption: 'Förmågor', columns: ['Område', 'Kommunen', 'Förbundet'], rows: [['Effektivitet', 3.4, 3.1]] },
};

export function sampleReport(): ReportDocument {
  return {
    locale: 'sv',
    title: 'Digital mognad 2026',
    subtitle: 'Delrapport för Åmåls kommun',
    subject: 'Åmåls kommun',
    author: 'Demoförbundet',
    date: '2026-11-25',
    version: '2.0',
    classification: { level: 1, label: 'Nivå 1 – måttlig skada', meaning: 'Om uppgifterna röjs kan det ge en måttlig skada för organisationen eller enskilda.' },
    history: [
      { date: '2026-10-01', version: '1.0', by: 'Ärla Öberg', reason: 'Första utgåvan' },
      { date: '2026-11-25', version: '2.0', by: 'Ärla Öberg', reason: 'Kostnadsanalysen tillagd' },
    ],
    labels: {
      author: 'Författare',
      date: 'Datum',
      version: 'Version',
      classification: 'Informationsklassning',
      documentControl: 'Dokumentinformation',
      history: 'Versionshistorik',
      historyColumns: ['Datum', 'Version', 'Av', 'Anledning'],
      noHistory: 'Rapporten har inte utfärdats än; detta är ett utkast.',
      pageOf: 'Sida {page} av {pages}',
      contents: 'Innehåll',
    },
    blocks: [
      { kind: 'toc', title: 'Innehåll' },
      { kind: 'heading', level: 1, id: 'sammanfattning', text: 'Sammanfattning' },
      { kind: 'paragraph', content: ['Kommunen hamnar i ', { text: 'kvadrant D', strong: true }, ' med en mognad på 41 %.'] },
      { kind: 'bullets', items: [['Stärk styrningen av informationssäkerheten.'], ['Inför ', { text: 'riskanalyser', strong: true }, ' i alla förvaltningar.']] },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 1, id: 'digital-mognad', text: 'Digital mognad' },
      { kind: 'heading', level: 2, id: 'formagor', text: 'Förmågor och arv' },
      { kind: 'figure', chart: sampleBarChart, caption: 'Figur 1. Mognad per område' },
      { kind: 'figure', chart: sampleRadarChart, caption: 'Figur 2. Förmågor jämfört med förbundet' },
      { kind: 'callout', tone: 'warning', title: 'Få svar', content: ['Bara 2 chefer har svarat; tolka siffrorna med försiktighet.'] },
      { kind: 'heading', level: 3, id: 'kostnader', text: 'IT-kostnader per kostnadspool' },
      {
        kind: 'table',
        caption: 'Tabell 1. IT-kostnader per kostnadspool (kr)',
        columns: ['Kostnadspool', 'Central IT', 'Utanför', 'Totalt'],
        align: ['left', 'right', 'right', 'right'],
        rows: [
          ['Intern personal', '4 000 000', '510 000', '4 510 000'],
          ['Hårdvara', '3 028 000', '665 000', '3 693 000'],
          ['Summa', '7 028 000', '1 175 000', '8 203 000'],
        ],
      },
      { kind: 'callout', tone: 'info', title: 'Om siffrorna', content: ['Beloppen är avrundade till hela tusental kronor.'] },
    ],
  };
}
