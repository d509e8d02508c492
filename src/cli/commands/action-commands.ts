// `mogna actions list --org ORG [--year YEAR] [--json]` prints an organisation's action plan
// (issue 16): every action of the year (or of every year), with what it addresses, its owner,
// due day, status and latest note. ORG is an id, a name or a slug, as for `mogna report`. The
// command acts as the operator's tool; bad arguments exit 2.
import type { Command } from 'commander';
import type { AppContext } from '../../app/app-context.ts';
import { ConfigError, loadConfig } from '../../app/config.ts';
import { actionsJson } from '../../modules/actions/presenter.ts';
import { actionsForExport } from '../../modules/actions/service.ts';
import { CliUsageError } from '../cli-errors.ts';
import { operatorToolActor } from '../operator-actor.ts';
import { resolveOrganisation } from './report-commands.ts';

const cliActor = operatorToolActor('mogna actions');

interface ListOptions {
  org: string;
  year?: string;
  json?: boolean;
}

/** Lists the plan and returns what to print. */
export async function runActionsList(ctx: AppContext, options: ListOptions): Promise<string> {
  if (options.year !== undefined && !/^\d{4}$/.test(options.year)) throw new CliUsageError(`--year must be a year such as 2027, not "${options.year}"`);
  const year = options.year === undefined ? undefined : Number(options.year);
  const organisation = await resolveOrganisation(ctx, options.org);
  const plan = await actionsForExport(ctx, cliActor, organisation.id, year);
  const json = actionsJson(plan.organisation, plan.actions);
  if (options.json) return JSON.stringify(json, null, 2);
  if (json.actions.length === 0) return `${organisation.name}: no actions${year === undefined ? '' : ` in ${year}`}`;
  return [
    `${organisation.name}: ${json.actions.length} action(s)`,
    ...json.actions.map((action) => `  ${action.year}  ${action.status.padEnd(11)} ${action.dueOn ?? '—'.padEnd(10)}  ${action.title} (${action.owner})`),
  ].join('\n');
}

async function withContext(work: (ctx: AppContext) => Promise<string>): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, {});
  } catch (error) {
    if (error instanceof ConfigError) throw new CliUsageError(error.message);
    throw error;
  }
  const { createAppContext } = await import('../../app/bootstrap.ts');
  const { ctx, database } = await createAppContext(config);
  try {
    console.log(await work(ctx));
  } finally {
    await database.close();
  }
}

export function registerActionCommands(program: Command): void {
  const actions = program.command('actions').description('An organisation’s action plan');
  actions
    .command('list')
    .description('the actions of the plan: what, owner, due day, status and latest note')
    .requiredOption('--org <org>', 'the organisation (id, name or slug)')
    .option('--year <year>', 'only this year’s actions')
    .option('--json', 'print JSON')
    .action(async (options: ListOptions) => withContext((ctx) => runActionsList(ctx, options)));
  for (const command of actions.commands) command.exitOverride();
}
