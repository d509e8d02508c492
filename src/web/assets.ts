// Scripts served at /assets/: our chart enhancer (public/charts.js) and ECharts' lightweight
// client for server-rendered charts, straight from the pinned `echarts` package, so it always
// matches the ECharts that drew the SVG. Only pages with charts load them; respondent pages
// never do.
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const files: Record<string, string> = {
  'charts.js': fileURLToPath(new URL('../../public/charts.js', import.meta.url)),
  // The package's "require" build of echarts/ssr/client is a small UMD script that sets
  // window['echarts-ssr-client'].
  'echarts-ssr-client.js': createRequire(import.meta.url).resolve('echarts/ssr/client/index'),
};

export function registerAssetRoutes(app: FastifyInstance): void {
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const file = Object.hasOwn(files, request.params.name) ? files[request.params.name] : undefined;
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400');
    return reply.send(createReadStream(file));
  });
}
