// IT-cost analysis (issue 5). A ledger is stored per organisation and fiscal year, not per
// measurement round: a general ledger describes a year of the organisation's books, and every
// round of that year (whatever its instruments) reads the same figures. Only the aggregate per
// account × cost centre is kept, never the file itself. Money is integer öre in bigint columns
// (a municipality's yearly cost passes 2^31 öre); FTE are kept as integer hundredths.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cost_ledgers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('sie_type', 'integer')
    .addColumn('encoding', 'text')
    .addColumn('file_year', 'integer')
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('byte_count', 'bigint', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('total_cost_ore', 'bigint')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('cost_ledgers_org_year_uq', ['organisation_id', 'year'])
    .execute();

  await db.schema
    .createTable('cost_ledger_rows')
    .addColumn('ledger_id', 'text', (c) => c.notNull().references('cost_ledgers.id').onDelete('cascade'))
    .addColumn('account', 'text', (c) => c.notNull())
    // '' for rows booked without a cost centre (a primary key column cannot be null).
    .addColumn('cost_centre', 'text', (c) => c.notNull())
    .addColumn('amount_ore', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('cost_ledger_rows_pk', ['ledger_id', 'account', 'cost_centre'])
    .execute();

  await db.schema
    .createTable('cost_ledger_accounts')
    .addColumn('ledger_id', 'text', (c) => c.notNull().references('cost_ledgers.id').onDelete('cascade'))
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cost_ledger_accounts_pk', ['ledger_id', 'account'])
    .execute();

  await db.schema
    .createTable('cost_ledger_centres')
    .addColumn('ledger_id', 'text', (c) => c.notNull().references('cost_ledgers.id').onDelete('cascade'))
    .addColumn('cost_centre', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('central_it', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('cost_ledger_centres_pk', ['ledger_id', 'cost_centre'])
    .execute();

  // The organisation's own copy of the mapping rules; no rows means the Kommun-Bas defaults.
  await db.schema
    .createTable('cost_rules')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('account_from', 'text', (c) => c.notNull())
    .addColumn('account_to', 'text', (c) => c.notNull())
    .addColumn('pool', 'text', (c) => c.notNull())
    .addColumn('name_contains', 'text')
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('cost_rules_pk', ['organisation_id', 'position'])
    .execute();

  // The CSV/XLSX column mapping, saved per organisation and offered again next year.
  await db.schema
    .createTable('cost_column_mappings')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('account_name', 'text')
    .addColumn('cost_centre', 'text')
    .addColumn('amount', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cost_towers')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('tower', 'text', (c) => c.notNull())
    .addColumn('fte_hundredths', 'integer')
    .addColumn('cost_ore', 'bigint')
    .addPrimaryKeyConstraint('cost_towers_pk', ['organisation_id', 'year', 'tower'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['cost_towers', 'cost_column_mappings', 'cost_rules', 'cost_ledger_centres', 'cost_ledger_accounts', 'cost_ledger_rows', 'cost_ledgers']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
