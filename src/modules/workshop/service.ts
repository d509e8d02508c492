// The results workshop of an organisation and year (issue 16): the member's published results of
// its closed round, read through the results service (which asks the results policy and applies
// the anonymity rule), and the room's notes and decisions per topic. Reading follows the results
// policy; writing notes is for the organisation's own coordinators and analysts.
import type { AppContext } from '../../app/app-context.ts';
import type { Actor } from '../../app/actor.ts';
import { AppError } from '../../app/errors.ts';
import { authorizeViewResults } from '../../access/results-policy.ts';
import type { RoundResults } from '../../domain/results/round-results.ts';
import { publishedFigures } from '../results/published-figures.ts';
import type { AnswerSet } from '../../domain/instruments/answer-set.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { federationComparison, jointResults, type FederationComparison } from '../joint/service.ts';
import { getRoundResults } from '../results/service.ts';
import * as repo from './repository.ts';
import type { TopicNotes } from './repository.ts';

export interface Workshop {
  organisation: { id: string; name: string };
  year: number;
  /** The published figures of the year's closed round; null when there is none or nothing is shown. */
  results: RoundResults | null;
  /** The organisation's submitted joint assessments of the round (capability map, information security). */
  joint: Array<{ instrument: Instrument; answers: AnswerSet }>;
  /** The federation's capability-map comparison of the same year (members anonymised), for collaboration candidates. */
  comparisons: FederationComparison[];
  notes: Map<string, TopicNotes>;
  canWrite: boolean;
}

function canWriteNotes(actor: Actor, organisationId: string): boolean {
  if (actor.kind !== 'user') return false;
  const own = actor.roles.get(organisationId);
  return own === 'coordinator' || own === 'analyst';
}

export async function openWorkshop(ctx: AppContext, actor: Actor, organisationId: string, year: number): Promise<Workshop> {
  authorizeViewResults(actor, { organisation_id: organisationId });
  const name = await repo.organisationName(ctx.db, organisationId);
  if (name === undefined) throw new AppError('not_found');
  const round = await repo.closedRoundOfYear(ctx.db, organisationId, year);
  let results: RoundResults | null = null;
  if (round) {
    const published = publishedFigures(await getRoundResults(ctx, actor, round.id));
    results = published.result ? published : null;
  }
  const joint: Workshop['joint'] = [];
  const comparisons: FederationComparison[] = [];
  if (round && results) {
    for (const ref of await repo.roundInstruments(ctx.db, round.id)) {
      if (ctx.instruments.get(ref.instrument_key, ref.instrument_version)?.respondentMode !== 'joint') continue;
      try {
        const answer = await jointResults(ctx, actor, { roundId: round.id, key: ref.instrument_key });
        if (answer.answers) joint.push({ instrument: answer.instrument, answers: answer.answers });
        if (answer.inFederation && answer.instrument.analysis?.kind === 'level-map') {
          const comparison = await federationComparison(ctx, actor, { organisationId, key: ref.instrument_key, year });
          if (comparison.year === year) comparisons.push(comparison);
        }
      } catch (error) {
        // A reader of results who may not read the joint assessment simply gets no such topic.
        if (!(error instanceof AppError)) throw error;
      }
    }
  }
  const notes = new Map((await repo.notesOfYear(ctx.db, organisationId, year)).map((entry) => [entry.topicKey, entry]));
  return { organisation: { id: organisationId, name }, year, results, joint, comparisons, notes, canWrite: canWriteNotes(actor, organisationId) };
}

/** Saves a topic's notes and decisions (the schema allows only the workshop's topic keys). */
export async function saveWorkshopNotes(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  year: number,
  input: { topic: string; notes: string; decisions: string },
): Promise<void> {
  authorizeViewResults(actor, { organisation_id: organisationId });
  if (actor.kind !== 'user' || !canWriteNotes(actor, organisationId)) throw new AppError('forbidden');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute((trx) =>
    repo.saveNotes(trx, { organisationId, year, topicKey: input.topic, notes: input.notes, decisions: input.decisions, updatedAt: now, updatedBy: actor.userId }),
  );
}
