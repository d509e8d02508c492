// The ZIP limits (../xlsx-zip-limits.ts) as ledger import errors, for the web upload and the CLI.
import { checkZipFile, XLSX_ZIP_LIMITS, type ZipLimits } from '../xlsx-zip-limits.ts';
import { LedgerImportError } from './ledger-import-error.ts';

/** Throws LedgerImportError when the XLSX file at `path` must not be parsed. */
export async function assertXlsxWithinLimits(path: string, limits: ZipLimits = XLSX_ZIP_LIMITS): Promise<void> {
  const check = await checkZipFile(path, limits);
  if (check.ok) return;
  if (check.problem === 'unpacked') throw new LedgerImportError('XLSX_UNPACKS_TOO_LARGE', null, `refused before parsing: ${check.detail}`);
  if (check.problem === 'ratio') throw new LedgerImportError('XLSX_SUSPICIOUS_RATIO', null, `refused before parsing: ${check.detail}`);
  throw new LedgerImportError('BAD_XLSX', null, `not a readable XLSX file (${check.detail})`);
}
