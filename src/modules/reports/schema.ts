// The reports' path parameters and form bodies (zod), and the study texts' goal picture as typed.
import { z } from 'zod';
import { reportFormats } from '../../reports/report-formats.ts';

export const orgParams = z.object({ orgId: z.uuid() });
export const yearParams = orgParams.extend({ year: z.coerce.number().int().min(2000).max(2100) });
/** member.docx|pdf|html and federation.docx|pdf|html are downloads; member and federation the preview. */
export const fileParams = yearParams.extend({ file: z.string().regex(new RegExp(`^(member|federation)(\\.(${reportFormats.join('|')}))?$`)) });
export const versionParams = yearParams.extend({ version: z.string().regex(/^1\.\d{1,4}$/), file: z.string().regex(/^(member|federation)\.(docx|pdf)$/) });
export const jobParams = yearParams.extend({ job: z.string().regex(/^[0-9a-f]{32}(\.(json|zip))?$/) });

export const issueBody = z.object({
  kind: z.enum(['member', 'federation']),
  reason: z.string().default(''),
  classification: z.string().default('0'),
});

export const settingsBody = z.object({
  background: z.string().default(''),
  purpose: z.string().default(''),
  goal: z.string().default(''),
  scope: z.string().default(''),
  goalPicture: z.string().default(''),
  author: z.string().default(''),
  title: z.string().default(''),
  subtitle: z.string().default(''),
});

export const memberTextsBody = z.object({
  summary: z.string().optional(),
  maturity: z.string().optional(),
  security: z.string().optional(),
  costs: z.string().optional(),
  capabilityMap: z.string().optional(),
  recommendations: z.string().optional(),
  accept: z.string().optional(),
});

/** The goal picture as typed (one line per entry, bullets optional) as its entries. */
export function goalPictureFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter((line) => line !== '');
}
