// XLSX → table, from the first visible worksheet. Before exceljs unpacks anything the ZIP is
// inflated once under a byte budget: a 5 MB upload must not become gigabytes in memory.
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { XLSX_ZIP_LIMITS } from '../../importers/xlsx-zip-limits.ts';
import { fileProblem, RESPONDENT_FILE_LIMITS, type TableResult } from './respondent-file-problems.ts';

export type ZipCheck = { ok: true } | { ok: false; reason: 'corrupt' | 'not_workbook' | 'unpacked' | 'ratio' };

/** The same ratio rule as the ledger upload (src/importers/xlsx-zip-limits.ts): an entry above 1 MB unpacked may be at most 200 times its packed size. */
const RATIO = { max: XLSX_ZIP_LIMITS.maxRatio, appliesAbove: XLSX_ZIP_LIMITS.ratioAppliesAbove };

const u16 = (bytes: Buffer, at: number) => bytes.readUInt16LE(at);
const u32 = (bytes: Buffer, at: number) => bytes.readUInt32LE(at);

/** Walks the central directory, inflating each entry against what is left of `maxUnpackedBytes`. */
export function checkXlsxZip(bytes: Buffer, maxUnpackedBytes: number): ZipCheck {
  try {
    let end = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
      if (u32(bytes, at) === 0x06054b50) {
        end = at;
        break;
      }
    }
    if (end < 0) return { ok: false, reason: 'corrupt' };
    const entries = u16(bytes, end + 10);
    let at = u32(bytes, end + 16);
    let budget = maxUnpackedBytes;
    let hasWorkbook = false;
    for (let i = 0; i < entries; i++) {
      if (u32(bytes, at) !== 0x02014b50) return { ok: false, reason: 'corrupt' };
      const method = u16(bytes, at + 10);
      const compressedSize = u32(bytes, at + 20);
      const declaredSize = u32(bytes, at + 24);
      // Refused before anything is inflated: a bomb declares its huge size in the directory.
      if (declaredSize > RATIO.appliesAbove && declaredSize > RATIO.max * Math.max(1, compressedSize)) return { ok: false, reason: 'ratio' };
      const nameLength = u16(bytes, at + 28);
      const local = u32(bytes, at + 42);
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
      if (name === 'xl/workbook.xml') hasWorkbook = true;
      if (u32(bytes, local) !== 0x04034b50) return { ok: false, reason: 'corrupt' };
      const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      const data = bytes.subarray(start, start + compressedSize);
      let unpacked: number;
      if (method === 0) unpacked = data.length;
      else if (method === 8) {
        try {
          unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
        } catch (error) {
          if (error instanceof RangeError) return { ok: false, reason: 'unpacked' };
          throw error;
        }
      } else return { ok: false, reason: 'corrupt' };
      if (unpacked > RATIO.appliesAbove && unpacked > RATIO.max * Math.max(1, compressedSize)) return { ok: false, reason: 'ratio' };
      budget -= unpacked;
      if (budget < 0) return { ok: false, reason: 'unpacked' };
    }
    return hasWorkbook ? { ok: true } : { ok: false, reason: 'not_workbook' };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}

/** The text a person sees in the cell: rich text joined, a hyperlink's label, a formula's result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((run: unknown) => (typeof run === 'object' && run !== null && 'text' in run ? cellText(run.text) : '')).join('');
    }
    if ('hyperlink' in value) {
      const label = 'text' in value ? cellText(value.text) : '';
      return label.trim() !== '' ? label : cellText(value.hyperlink).replace(/^mailto:/i, '');
    }
    if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? cellText(value.result) : '';
    if ('error' in value) return cellText(value.error);
    if ('text' in value) return cellText(value.text);
  }
  return '';
}

export async function parseXlsx(bytes: Buffer, maxUnpackedBytes: number = RESPONDENT_FILE_LIMITS.maxUnpackedXlsxBytes): Promise<TableResult> {
  const zip = checkXlsxZip(bytes, maxUnpackedBytes);
  if (!zip.ok) {
    const problem =
      zip.reason === 'unpacked' || zip.reason === 'ratio'
        ? fileProblem('too_large', { reason: zip.reason, limit: maxUnpackedBytes })
        : fileProblem('unreadable_xlsx', { reason: zip.reason });
    return { ok: false, problems: [problem] };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own global `Buffer` (extending ArrayBuffer) that Node's type does not match.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return { ok: false, problems: [fileProblem('unreadable_xlsx', { reason: 'corrupt' })] };
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: [fileProblem('unreadable_xlsx', { reason: 'not_workbook' })] };
  const rows: Array<{ rowNumber: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // A merged range repeats the master's value in every cell; keep it only once.
      if (cell.isMerged && cell.master !== cell) return;
      while (cells.length < columnNumber - 1) cells.push('');
      cells[columnNumber - 1] = cellText(cell.value);
    });
    rows.push({ rowNumber, cells });
  });
  return { ok: true, table: { rows } };
}
