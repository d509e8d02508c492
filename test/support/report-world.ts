// The small world of test/support/fixtures.ts with closed maturity rounds of the report year,
// and logged-in browsers: the set-up the report-page tests share (report pages, member and
// federation texts, the study's logo).
import assert from 'node:assert/strict';
import { insertRound } from '../../src/modules/rounds/repository.ts';
import { createSmallWorld, PASSWORD, type SmallWorld } from './fixtures.ts';
import { addSubmittedRespondents, answersScoring } from './results-world.ts';
import { createTestApp, type TestApp } from './test-context.ts';
import type { TestDialect } from './test-databases.ts';
import { TestBrowser, type PageResponse } from './test-browser.ts';

const REPORT_YEAR = 2025;

/** The year page of an organisation's reports. */
export const reportYearPath = (orgId: string): string => `/org/${orgId}/reports/${REPORT_YEAR}`;

export interface ReportWorld {
  t: TestApp;
  world: SmallWorld;
  /** Logged-in browsers by the key logIn was given. */
  as: Map<string, TestBrowser>;
  /** A closed round of the report year with three respondents answering `value` everywhere. */
  closedRoundAnswering(organisationId: string, value: number): Promise<void>;
  logIn(users: Record<string, string>): Promise<void>;
  /** GET as one of the logged-in browsers, which must answer 200. */
  download(who: string, url: string): Promise<PageResponse>;
}

/** Members A and B each get a closed round whose respondents all answer the given value. */
export async function openReportWorld(dialect: TestDialect, values: { orgA: number; orgB: number }): Promise<ReportWorld> {
  const t = await createTestApp(dialect);
  const world = await createSmallWorld(t.ctx);
  const instrument = t.ctx.instruments.require('digital-mognad');
  const as = new Map<string, TestBrowser>();
  const report: ReportWorld = {
    t,
    world,
    as,
    async closedRoundAnswering(organisationId, value) {
      const round = await insertRound(t.ctx, organisationId, { name: `Mätning ${REPORT_YEAR}`, year: REPORT_YEAR, instrumentKeys: ['digital-mognad'], openLink: false, status: 'closed' });
      await addSubmittedRespondents(t.ctx, round, instrument, Array.from({ length: 3 }, () => ({ answers: answersScoring(instrument, value) })));
    },
    async logIn(users) {
      for (const [key, email] of Object.entries(users)) {
        const browser = new TestBrowser(t.app);
        assert.equal((await browser.logIn(email, PASSWORD)).status, 303);
        as.set(key, browser);
      }
    },
    async download(who, url) {
      const response = await as.get(who)!.get(url);
      assert.equal(response.status, 200, `${url}: ${response.body.slice(0, 200)}`);
      return response;
    },
  };
  await report.closedRoundAnswering(world.orgA, values.orgA);
  await report.closedRoundAnswering(world.orgB, values.orgB);
  return report;
}
