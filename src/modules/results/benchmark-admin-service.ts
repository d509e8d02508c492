// The operator's side of comparisons: published reference values (imported from CSV in one
// transaction) and which organisations take part in national comparisons.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../app/actor.ts';
import { authorizeManageBenchmarks } from '../../access/results-policy.ts';
import { toNumber } from '../../db/numbers.ts';
import type { OrganisationKind } from '../../db/schema.ts';
import * as repo from './benchmark-admin-repository.ts';
import type { ReferenceRow } from './reference-values.ts';
import { findOrganisationRef } from '../organisations/repository.ts';

export interface ReferenceSourceSummary {
  instrumentKey: string;
  version: string;
  year: number;
  source: string;
  values: number;
}

export async function listReferenceSources(ctx: AppContext, actor: Actor): Promise<ReferenceSourceSummary[]> {
  authorizeManageBenchmarks(actor);
  const rows = await repo.referenceSourceRows(ctx.db);
  return rows.map((row) => ({ instrumentKey: row.instrument_key, version: row.instrument_version, year: row.year, source: row.source, values: toNumber(row.values) }));
}

/**
 * Stores the rows in one transaction. Rows replace earlier values with the same instrument,
 * version, year and source, so a corrected file can simply be imported again.
 */
export async function importReferenceValues(ctx: AppContext, actor: Actor, rows: ReferenceRow[]): Promise<number> {
  authorizeManageBenchmarks(actor);
  if (rows.length === 0) throw new AppError('validation', 'no rows');
  const now = ctx.clock.now().toISOString();
  const userId = actor.kind === 'user' ? actor.userId : null;
  const groups = new Map<string, ReferenceRow>();
  for (const row of rows) groups.set([row.instrumentKey, row.version, row.year, row.source].join('\u0000'), row);
  await ctx.db.transaction().execute(async (trx) => {
    for (const row of groups.values()) {
      await repo.deleteReferenceSource(trx, row);
    }
    for (let i = 0; i < rows.length; i += 500) {
      await repo.insertReferenceValues(
        trx,
        rows.slice(i, i + 500).map((row) => ({
          id: ctx.ids.id(),
          instrument_key: row.instrumentKey,
          instrument_version: row.version,
          year: row.year,
          measure: row.measure,
          value_milli: row.valueMilli,
          source: row.source,
          organisations: row.organisations,
          imported_at: now,
          imported_by: userId,
        })),
      );
    }
  });
  return rows.length;
}

export async function removeReferenceSource(ctx: AppContext, actor: Actor, ref: { instrumentKey: string; version: string; year: number; source: string }): Promise<void> {
  authorizeManageBenchmarks(actor);
  await repo.deleteReferenceSource(ctx.db, ref);
}

export interface ParticipationEntry {
  id: string;
  name: string;
  kind: OrganisationKind;
  optedOut: boolean;
}

export async function listParticipation(ctx: AppContext, actor: Actor): Promise<ParticipationEntry[]> {
  authorizeManageBenchmarks(actor);
  const rows = await repo.participationRows(ctx.db);
  return rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind, optedOut: row.benchmark_opt_out === 1 }));
}

export async function setBenchmarkParticipation(ctx: AppContext, actor: Actor, organisationId: string, participates: boolean): Promise<string> {
  authorizeManageBenchmarks(actor);
  const organisation = await findOrganisationRef(ctx.db, organisationId);
  if (!organisation) throw new AppError('not_found');
  await repo.setBenchmarkOptOut(ctx.db, organisationId, !participates);
  return organisation.name;
}

/** For a route that must refuse before it reads an upload: throws unless the actor manages benchmarks. */
export function assertManagesBenchmarks(actor: Actor): void {
  authorizeManageBenchmarks(actor);
}
