#!/usr/bin/env node
// Entry point of the `mogna` CLI. The sources are TypeScript; tsx compiles them on load,
// so `node bin/mogna.js` works right after `npm install` with no build step (see
// docs/decisions/0002-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

// `mogna … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
