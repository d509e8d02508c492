// File names of downloaded reports: ASCII only (mogna-mellerud-kommun-2025.docx), so they survive
// every browser, ZIP tool and file system; the header also carries the UTF-8 name (RFC 6266).
import type { ReportFormat } from './report-formats.ts';

export function asciiSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[æ]/gi, 'ae')
    .replace(/[ø]/gi, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'rapport' : slug.slice(0, 80).replace(/-+$/, '');
}

export function reportFileName(organisationName: string, year: number, format: ReportFormat): string {
  return `mogna-${asciiSlug(organisationName)}-${year}.${format}`;
}

/** Content-Disposition: attachment with an ASCII name and the UTF-8 one (RFC 6266 / 5987). */
export function attachmentHeader(asciiName: string, utf8Name: string = asciiName): string {
  const safe = asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${safe}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`;
}
