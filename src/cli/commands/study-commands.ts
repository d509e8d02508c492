// `mogna study create --federation ORG --year YEAR --parts maturity,security,capability-map,costs
// [--members all|ID,…] --closes DATE` sets up a federation's yearly study as its analyst would on
// the web, and `mogna study status --federation ORG --year YEAR [--json]` prints each member's
// parts: status, invited, submitted and rate (issue 15). ORG (and a member) is an id, a name or
// a slug, as for `mogna report`. The commands act as the operator's tool; bad arguments exit 2.
import type { Command } from 'commander';
import type { AppContext } from '../../app/app-context.ts';
import { isAppError } from '../../app/errors.ts';
import type { StudyPart } from '../../db/schema.ts';
import { isCalendarDay } from '../../domain/studies/study-dates.ts';
import { isStudyPart } from '../../domain/studies/study-parts.ts';
import { withAppContext } from '../app-context-for-command.ts';
import { CliUsageError } from '../cli-errors.ts';
import { operatorToolActor } from '../operator-actor.ts';
import { resolveOrganisation } from './report-commands.ts';

const cliActor = operatorToolActor('mogna study');

interface CreateOptions {
  federation: string;
  year: string;
  parts: string;
  members?: string;
  closes: string;
  threshold?: string;
  contactName?: string;
  contactEmail?: string;
}

interface StatusOptions {
  federation: string;
  year: string;
  json?: boolean;
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new CliUsageError(`--year must be a year such as 2027, not "${text}"`);
  return Number(text);
}

/** An app error (a study that exists, a date that has passed) is the caller's mistake here: exit 2. */
async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && error.code !== 'internal') throw new CliUsageError(`cannot do that (${error.code}${error.detail ? `: ${error.detail}` : ''})`);
    throw error;
  }
}

/** The contact person when none is given: the federation's first analyst or coordinator. */
async function defaultContact(ctx: AppContext, federationId: string): Promise<{ name: string; email: string }> {
  const person = await ctx.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.name', 'users.email'])
    .where('memberships.organisation_id', '=', federationId)
    .where('memberships.role', 'in', ['analyst', 'coordinator'])
    .where('users.deactivated_at', 'is', null)
    .orderBy('memberships.role')
    .orderBy('users.email')
    .executeTakeFirst();
  if (!person) throw new CliUsageError('the federation has no analyst or coordinator to name as contact: give --contact-name and --contact-email');
  return person;
}

/** Creates the study and returns what to print. */
export async function runStudyCreate(ctx: AppContext, options: CreateOptions): Promise<string> {
  const year = parseYear(options.year);
  const parts = options.parts.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const unknown = parts.find((part) => !isStudyPart(part));
  if (parts.length === 0 || unknown !== undefined) throw new CliUsageError(`--parts must be a list of maturity, security, capability-map and costs${unknown ? `, not "${unknown}"` : ''}`);
  if (!isCalendarDay(options.closes)) throw new CliUsageError(`--closes must be a date written YYYY-MM-DD, not "${options.closes}"`);
  const threshold = options.threshold === undefined ? undefined : Number(options.threshold);
  if (threshold !== undefined && !(Number.isInteger(threshold) && threshold >= 2 && threshold <= 50)) throw new CliUsageError('--threshold must be a whole number from 2 to 50');
  const federation = await resolveOrganisation(ctx, options.federation);
  if (federation.kind !== 'kommunalforbund') throw new CliUsageError(`${federation.name} is not a federation`);
  const memberList = options.members === undefined || options.members.trim() === 'all' ? 'all' : options.members.split(',').map((member) => member.trim()).filter((member) => member !== '');
  const members = memberList === 'all' ? 'all' : await Promise.all(memberList.map(async (member) => (await resolveOrganisation(ctx, member)).id));
  if ((options.contactName === undefined) !== (options.contactEmail === undefined)) throw new CliUsageError('give both --contact-name and --contact-email, or neither');
  const contact = options.contactName !== undefined ? { name: options.contactName, email: options.contactEmail! } : await defaultContact(ctx, federation.id);
  const { createStudy } = await import('../../modules/studies/service.ts');
  const created = await asUsage(() =>
    createStudy(ctx, cliActor, federation.id, { year, parts: parts as StudyPart[], members, closesOn: options.closes, anonymityThreshold: threshold, contactName: contact.name, contactEmail: contact.email }),
  );
  const mail = created.mail;
  return [
    `Created the ${year} study of ${federation.name} (${created.studyId}): ${created.members} members, ${created.roundsCreated} new rounds, the rest adopted.`,
    `Mail to the members' coordinators: ${mail.sent} sent, ${mail.outbox} in the outbox (no SMTP), ${mail.failed} failed.`,
  ].join('\n');
}

/** The study's status per member and part, as JSON or as lines. */
export async function runStudyStatus(ctx: AppContext, options: StatusOptions): Promise<string> {
  const year = parseYear(options.year);
  const federation = await resolveOrganisation(ctx, options.federation);
  const { studyDashboard } = await import('../../modules/studies/service.ts');
  const overview = await asUsage(() => studyDashboard(ctx, cliActor, federation.id, year));
  const members = overview.members.map((member) => ({
    id: member.memberId,
    name: member.name,
    parts: member.parts.map((part) => ({ part: part.part, status: part.status, invited: part.invited, submitted: part.submitted, rate: part.rate, next: part.next, owner: part.owner })),
  }));
  const summary = { federation: { id: federation.id, name: federation.name }, year, status: overview.study.status, closesOn: overview.study.closes_on, progress: overview.progress, members };
  if (options.json) return JSON.stringify(summary, null, 2);
  const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)} %`);
  const lines = [`${federation.name} ${year}: ${overview.study.status}, closes after ${overview.study.closes_on}; ${overview.progress.submitted} of ${overview.progress.invited} invited have answered (${percent(overview.progress.rate)})`];
  for (const member of members) {
    lines.push(member.name);
    for (const part of member.parts) lines.push(`  ${part.part.padEnd(15)} ${part.status.padEnd(18)} ${part.submitted}/${part.invited} ${percent(part.rate)}`);
  }
  return lines.join('\n');
}


/** Runs the work against the database and prints what it returns. */
async function printFrom(work: (ctx: AppContext) => Promise<string>): Promise<void> {
  console.log(await withAppContext(work));
}

export function registerStudyCommands(program: Command): void {
  const study = program.command('study').description('A federation’s yearly study: set it up for its members, follow it');
  study
    .command('create')
    .description('create the study: each chosen member gets a round with the parts, and its coordinators a mail')
    .requiredOption('--federation <org>', 'the federation (id, name or slug)')
    .requiredOption('--year <year>', 'the study year, e.g. 2027')
    .requiredOption('--parts <parts>', 'comma-separated: maturity, security, capability-map, costs')
    .option('--members <members>', '"all" or comma-separated member ids or names', 'all')
    .requiredOption('--closes <date>', 'the last day to answer, YYYY-MM-DD (Swedish time)')
    .option('--threshold <n>', 'the anonymity threshold (default as rounds use)')
    .option('--contact-name <name>', 'the contact person named in the mail (default: the federation’s first analyst)')
    .option('--contact-email <email>', 'the contact person’s e-mail address')
    .action(async (options: CreateOptions) => printFrom((ctx) => runStudyCreate(ctx, options)));
  study
    .command('status')
    .description('each member’s parts: status, invited, submitted and rate')
    .requiredOption('--federation <org>', 'the federation (id, name or slug)')
    .requiredOption('--year <year>', 'the study year')
    .option('--json', 'print JSON')
    .action(async (options: StatusOptions) => printFrom((ctx) => runStudyStatus(ctx, options)));
  for (const command of study.commands) command.exitOverride();
}
