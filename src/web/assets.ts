// Scripts served at /assets/: our chart enhancer and the browser's ECharts, bundled from the
// pinned package with only the parts our charts use (echarts-bundle.ts). Only pages with charts
// load them; respondent pages never do.
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildEchartsBundle } from './echarts-bundle.ts';

const files: Record<string, string> = {
  'charts.js': fileURLToPath(new URL('../../public/charts.js', import.meta.url)),
};

export function registerAssetRoutes(app: FastifyInstance): void {
  // Built on first request and kept for this app's lifetime: the pinned package cannot change
  // while the process runs.
  let echarts: Promise<string> | undefined;
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const { name } = request.params;
    const file = files[name];
    if (!file && name !== 'echarts.js') return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400');
    if (file) return reply.send(createReadStream(file));
    echarts ??= buildEchartsBundle();
    return reply.send(await echarts);
  });
}
