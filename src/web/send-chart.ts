// Sends one chart as an SVG or PNG download: the same spec the page shows, so the file and the
// page never disagree. An unknown chart id is "not found", like any other missing page.
import type { FastifyReply } from 'fastify';
import { AppError } from '../app/errors.ts';
import type { ChartSpec } from '../charts/chart-spec.ts';
import { renderChartPng } from '../charts/render-png.ts';
import { renderChartSvg } from '../charts/render-svg.ts';

/** Splits "radar.svg" into the chart id and the format; anything else is not found. */
export function chartFile(file: string): { id: string; format: 'svg' | 'png' } {
  const match = /^([a-z0-9][a-z0-9-]*)\.(svg|png)$/.exec(file);
  if (!match) throw new AppError('not_found');
  return { id: match[1]!, format: match[2] as 'svg' | 'png' };
}

export async function sendChart(reply: FastifyReply, spec: ChartSpec | undefined, format: 'svg' | 'png', fileStem = spec?.id): Promise<FastifyReply> {
  if (!spec) throw new AppError('not_found');
  reply.header('content-disposition', `attachment; filename="${fileStem}.${format}"`).header('cache-control', 'no-store');
  // The file reads like the page it came from: axis numbers in the request's locale (2,5 in Swedish).
  const locale = reply.request.locale;
  if (format === 'svg') return reply.type('image/svg+xml; charset=utf-8').send(renderChartSvg(spec, locale));
  return reply.type('image/png').send(await renderChartPng(spec, 2, locale));
}
