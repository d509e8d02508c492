// Scripts served at /assets/: our chart enhancer and the ECharts browser bundle from
// node_modules (so its version is the one package-lock.json pins). Only pages with charts load
// them; respondent pages never do.
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const assets: Record<string, string> = {
  'charts.js': fileURLToPath(new URL('../../public/charts.js', import.meta.url)),
  'echarts.min.js': fileURLToPath(new URL('../../node_modules/echarts/dist/echarts.min.js', import.meta.url)),
};

export function registerAssetRoutes(app: FastifyInstance): void {
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const file = assets[request.params.name];
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(createReadStream(file));
  });
}
