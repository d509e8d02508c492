// The demo federation's study of last year, as its analyst sees it: one fixture for the tests
// that read the demo's reports (instead of the same before() block in each file).
import { loadUserActor, type UserActor } from '../../src/app/actor.ts';
import { seedDemo } from '../../src/demo/demo-seeder.ts';
import { studyOf, type Study } from '../../src/modules/reports/report-service.ts';
import { createTestContext, type TestContext } from './test-context.ts';
import type { TestDialect } from './test-databases.ts';

export interface DemoStudy {
  t: TestContext;
  analyst: UserActor;
  study: Study;
  /** Last year by the test clock: the demo's newest closed rounds. */
  year: number;
}

export async function openDemoStudy(dialect: TestDialect): Promise<DemoStudy> {
  // Drawn by report workers, as a server draws them: every real document crosses to a worker.
  const t = await createTestContext(dialect, { REPORT_WORKERS: '2' });
  await seedDemo(t.ctx);
  const user = await t.ctx.db.selectFrom('users').select('id').where('email', '=', 'analytiker@demoforbundet.example').executeTakeFirstOrThrow();
  const analyst = (await loadUserActor(t.ctx.db, user.id))!;
  const federation = await t.ctx.db.selectFrom('organisations').select('id').where('kind', '=', 'kommunalforbund').executeTakeFirstOrThrow();
  const year = t.clock.now().getUTCFullYear() - 1;
  return { t, analyst, year, study: await studyOf(t.ctx, analyst, federation.id, year) };
}
