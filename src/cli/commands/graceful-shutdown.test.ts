// `mogna serve` stops promptly on SIGTERM even when a browser keeps an idle keep-alive connection
// open (it used to wait for the keep-alive to run out: 74 s).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const BIN = join(import.meta.dirname, '../../../bin/mogna.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

test('serve exits within a few seconds of SIGTERM while a keep-alive connection sits idle', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mogna-shutdown-'));
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'mogna.sqlite')}`, LOG_LEVEL: 'silent', PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 90_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Mogna is serving')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    });
    // One request on a keep-alive connection, then the connection is left open and idle.
    const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/login', agent }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        })
        .on('error', reject);
    });
    assert.equal(status, 200);
    const sockets = Object.values(agent.freeSockets).flat();
    assert.equal(sockets.length, 1, 'the connection is kept alive');

    const signalled = performance.now();
    child.kill('SIGTERM');
    const code = await exited;
    const seconds = (performance.now() - signalled) / 1000;
    assert.equal(code, 0, output);
    assert.ok(seconds < 5, `exited after ${seconds.toFixed(1)} s`);
    agent.destroy();
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
