// Converts a DOCX to PDF with LibreOffice (Debian's libreoffice-writer-nogui), so tests can see a
// report as LibreOffice lays it out. Without soffice the test fails in CI (CI=true) and is
// skipped locally with a message saying why, as the browser tests do with Chromium.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The soffice to run: $SOFFICE_PATH or whatever `which` finds. */
function findSoffice(): string | undefined {
  if (process.env.SOFFICE_PATH) return process.env.SOFFICE_PATH;
  try {
    return execFileSync('which', ['soffice'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The `skip` option for a LibreOffice test: false when soffice is there; in CI a missing soffice throws. */
export function libreOfficeTestSkip(): false | string {
  if (findSoffice()) return false;
  if (process.env.CI === 'true') throw new Error("LibreOffice is required for the DOCX conversion test in CI but soffice was not found (install Debian's libreoffice-writer-nogui or set SOFFICE_PATH)");
  return 'soffice not found (install libreoffice-writer-nogui or set SOFFICE_PATH): LibreOffice conversion test skipped';
}

/**
 * The PDF LibreOffice makes of a DOCX. It runs headless with its own profile in a temporary HOME,
 * so it neither reads nor disturbs a user's LibreOffice settings or a running instance.
 */
export async function docxToPdfWithLibreOffice(docx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  if (soffice === undefined) throw new Error('soffice not found');
  const folder = await mkdtemp(join(tmpdir(), 'mogna-soffice-'));
  try {
    await writeFile(join(folder, 'report.docx'), docx);
    const profile = `file://${join(folder, 'profile')}`;
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(folder, 'out'), join(folder, 'report.docx')], {
      env: { ...process.env, HOME: folder },
      timeout: 120_000,
    });
    return await readFile(join(folder, 'out', 'report.pdf'));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
