// Importing an action plan from XLSX (issue 16): the export's columns, one action per row. Every
// row is checked like the form; a file with any bad row imports nothing and names each bad row
// with its problems. A good file's actions and their audit entry are one transaction.
import ExcelJS from 'exceljs';
import { authorizeWriteActionPlan } from '../../access/action-policy.ts';
import type { Actor } from '../../app/actor.ts';
import type { AppContext } from '../../app/app-context.ts';
import { unguardFormulaText } from '../../domain/spreadsheet-cells.ts';
import { messages } from '../../i18n/messages.ts';
import { locales } from '../../i18n/locales.ts';
import { recordAudit } from '../audit/repository.ts';
import { actionForm, type ActionInput } from './schema.ts';
import { findCapability, userOf, writeNewAction } from './service.ts';

export interface ImportProblem {
  /** The row in the sheet (1 is the header), or 0 for the file as a whole. */
  row: number;
  /** Message keys of the form's errors (actions.errors). */
  problems: string[];
}

export type ImportResult = { ok: true; count: number } | { ok: false; problems: ImportProblem[] };

/** A label of any language (or the code itself) back to its code. */
function codeOf(labels: 'status' | 'sourceKinds', text: string): string {
  const wanted = text.trim().toLocaleLowerCase('sv');
  for (const locale of locales) {
    for (const [code, label] of Object.entries(messages(locale).actions[labels])) if (label.toLocaleLowerCase('sv') === wanted || code === wanted) return code;
  }
  return wanted;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return unguardFormulaText(String(value));
}

export async function importActions(ctx: AppContext, actor: Actor, organisationId: string, data: Buffer): Promise<ImportResult> {
  authorizeWriteActionPlan(actor, organisationId);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ row: 0, problems: ['fileUnreadable'] }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: [{ row: 0, problems: ['fileUnreadable'] }] };
  const form = actionForm((instrument, capability) => findCapability(ctx, instrument, capability) !== undefined);
  const inputs: ActionInput[] = [];
  const problems: ImportProblem[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = Array.from({ length: 9 }, (_, i) => cellText(row.getCell(i + 1).value));
    if (cells.every((cell) => cell.trim() === '')) return;
    const [title, description, year, kind, ref, instrument, owner, dueOn, status] = cells as [string, string, string, string, string, string, string, string, string];
    const sourceKind = codeOf('sourceKinds', kind || 'free');
    const result = form.safeParse({
      title,
      description,
      year,
      sourceKind,
      capability: sourceKind === 'capability' ? `${instrument.trim()}:${ref.trim()}` : '',
      sourceRef: sourceKind === 'capability' ? '' : ref,
      owner,
      dueOn,
      status: codeOf('status', status || 'planned'),
    });
    if (result.success) inputs.push(result.data);
    else problems.push({ row: number, problems: [...new Set(result.error.issues.map((issue) => issue.message))] });
  });
  if (problems.length > 0) return { ok: false, problems };
  if (inputs.length === 0) return { ok: false, problems: [{ row: 0, problems: ['fileEmpty'] }] };
  const now = ctx.clock.now().toISOString();
  const by = userOf(actor);
  await ctx.db.transaction().execute(async (trx) => {
    for (const input of inputs) {
      await writeNewAction(ctx, trx, { id: ctx.ids.id(), organisationId, input, at: now, by });
    }
    await recordAudit(ctx, { actor, organisationId, action: 'actions_imported', subject: { type: 'organisation', id: organisationId }, detail: { count: inputs.length } }, trx);
  });
  return { ok: true, count: inputs.length };
}
