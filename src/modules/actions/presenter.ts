// The action plan as its pages and files show it: where each action and form lives, what each
// action addresses in the reader's language, the rows of the CSV and XLSX export (the same
// columns; CSV with a BOM and the language's separator, as the results export), the CLI's JSON
// and the form's values and field messages.
import ExcelJS from 'exceljs';
import { spreadsheetRow, csvLine, type SpreadsheetCell } from '../../domain/spreadsheet-cells.ts';
import { csvConventions, type Locale } from '../../i18n/locales.ts';
import { messages, pick, type Messages } from '../../i18n/messages.ts';
import type { ActionBody } from './schema.ts';
import type { PlanAction } from './service.ts';

export function planPath(organisationId: string, year?: number): string {
  return `/org/${organisationId}/actions${year === undefined ? '' : `?year=${year}`}`;
}

export function actionPath(organisationId: string, actionId: string): string {
  return `/org/${organisationId}/actions/${actionId}`;
}

/** What the action addresses, in words: the capability's name, the reference, or "written freely". */
export function addressesText(m: Messages['actions'], action: PlanAction, locale: Locale): string {
  switch (action.source_kind) {
    case 'capability':
      return action.capabilityName ? pick(action.capabilityName, locale) : m.unknownCapability(action.source_ref ?? '');
    case 'recommendation':
      return m.recommendationRef(action.source_ref ?? '');
    case 'workshop':
      return m.workshopRef(action.source_ref ?? '');
    default:
      return m.free;
  }
}

function fileRows(actions: PlanAction[], locale: Locale): SpreadsheetCell[][] {
  const m = messages(locale).actions;
  return actions.map((action) => [
    action.title,
    action.description,
    action.year,
    m.sourceKinds[action.source_kind] ?? action.source_kind,
    action.source_ref,
    action.instrument_key,
    action.owner,
    action.due_on,
    m.status[action.status] ?? action.status,
    action.lastNote,
  ]);
}

export function actionsCsv(actions: PlanAction[], locale: Locale): string {
  const options = csvConventions(locale);
  const lines = [csvLine(messages(locale).actions.fileColumns, options), ...fileRows(actions, locale).map((row) => csvLine(row, options))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function actionsXlsx(actions: PlanAction[], locale: Locale): Promise<Buffer> {
  const m = messages(locale).actions;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mogna';
  const sheet = workbook.addWorksheet(m.sheetName);
  sheet.addRow(spreadsheetRow(m.fileColumns)).font = { bold: true };
  for (const row of fileRows(actions, locale)) sheet.addRow(spreadsheetRow(row));
  sheet.columns.forEach((column, i) => (column.width = i === 0 || i === 1 ? 40 : 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The CLI's JSON: keys and codes, not translated texts. */
export function actionsJson(organisation: { id: string; name: string }, actions: PlanAction[]) {
  return {
    organisation: { id: organisation.id, name: organisation.name },
    actions: actions.map((action) => ({
      id: action.id,
      year: action.year,
      title: action.title,
      description: action.description,
      sourceKind: action.source_kind,
      sourceRef: action.source_ref,
      instrumentKey: action.instrument_key,
      capabilityName: action.capabilityName?.sv ?? null,
      owner: action.owner,
      dueOn: action.due_on,
      status: action.status,
      lastNote: action.lastNote,
    })),
  };
}

export function fileName(organisationName: string, year: number | undefined, extension: string): string {
  const base = `${organisationName}-handlingsplan${year === undefined ? '' : `-${year}`}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .toLowerCase();
  return `${base}.${extension}`;
}

/** The form's values from an action (edit) or from what was posted. */
export function formValues(action: PlanAction): ActionBody {
  return {
    title: action.title,
    description: action.description,
    year: String(action.year),
    sourceKind: action.source_kind,
    capability: action.source_kind === 'capability' ? `${action.instrument_key ?? ''}:${action.source_ref ?? ''}` : '',
    sourceRef: action.source_kind === 'recommendation' || action.source_kind === 'workshop' ? (action.source_ref ?? '') : '',
    owner: action.owner,
    dueOn: action.due_on ?? '',
    status: action.status,
  };
}

export function fieldMessage(m: Messages['actions'], key: string): string {
  return m.errors[key] ?? m.errors.fieldInvalid!;
}
