// Child process for the crash test: opens the app's SQLite file as the server does, and keeps
// submitting responses, each in its own transaction, printing "ack <id>" after each commit —
// the moment the server would answer the respondent. The parent kills it with SIGKILL.
import { createAppContext } from '../../src/app/bootstrap.ts';
import { loadConfig } from '../../src/app/config.ts';
import { insertRound } from '../../src/modules/rounds/repository.ts';
import { createSmallWorld } from './fixtures.ts';
import { addSubmittedRespondents, answersScoring } from './results-world.ts';

const file = process.argv[2]!;
const { ctx } = await createAppContext(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: `sqlite:${file}` }));
const world = await createSmallWorld(ctx);
const instrument = ctx.instruments.require('digital-mognad');
const roundId = await insertRound(ctx, world.orgA, { name: 'Kraschprov', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
process.stdout.write(`round ${roundId}\n`);
for (let i = 0; ; i += 1) {
  const [id] = await addSubmittedRespondents(ctx, roundId, instrument, [{ answers: answersScoring(instrument, (i % 6) + 1) }]);
  process.stdout.write(`ack ${id}\n`);
}
