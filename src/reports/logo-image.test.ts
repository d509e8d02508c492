// The study's logo is judged by its bytes: PNG and JPEG are recognised by their magic bytes and
// their dimensions read from the header; anything else, or an unreadable header, is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { svgToPng } from '../charts/render-png.ts';
import { fitLogo, inspectLogo, LOGO_MAX_BYTES } from './logo-image.ts';

const svg = (width: number, height: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#1d4f91"/></svg>`;

/** SOI, an APP0 segment, then a baseline frame header of the given size: the start of a JPEG. */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

test('a PNG is recognised by its bytes and its size read from the header', async () => {
  const png = await svgToPng(svg(120, 40), 1);
  assert.deepEqual(inspectLogo(png), { ok: true, info: { type: 'png', width: 120, height: 40 } });
});

test('a JPEG is recognised by its bytes and its size read from the frame header after other segments', () => {
  assert.deepEqual(inspectLogo(jpegHeader(300, 150)), { ok: true, info: { type: 'jpeg', width: 300, height: 150 } });
});

test('other files, empty files, files over the limit and unreadable headers are refused with the reason', async () => {
  assert.deepEqual(inspectLogo(Buffer.from('GIF89a............')), { ok: false, problem: 'type' });
  assert.deepEqual(inspectLogo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), { ok: false, problem: 'type' });
  assert.deepEqual(inspectLogo(Buffer.alloc(0)), { ok: false, problem: 'empty' });
  const big = Buffer.concat([await svgToPng(svg(10, 10), 1), Buffer.alloc(LOGO_MAX_BYTES)]);
  assert.deepEqual(inspectLogo(big), { ok: false, problem: 'tooLarge' });
  // The PNG signature alone, without an IHDR chunk.
  assert.deepEqual(inspectLogo(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])), { ok: false, problem: 'dimensions' });
  assert.deepEqual(inspectLogo(jpegHeader(0, 100)), { ok: false, problem: 'dimensions' });
  assert.deepEqual(inspectLogo(jpegHeader(7000, 100)), { ok: false, problem: 'dimensions' });
  assert.deepEqual(inspectLogo(Buffer.from([0xff, 0xd8, 0xff, 0xd9])), { ok: false, problem: 'dimensions' });
});

test('a logo is fitted inside its box keeping its proportions, and a small one is not enlarged', () => {
  assert.deepEqual(fitLogo({ width: 1200, height: 400 }, 240, 120), { width: 240, height: 80 });
  assert.deepEqual(fitLogo({ width: 400, height: 800 }, 240, 120), { width: 60, height: 120 });
  assert.deepEqual(fitLogo({ width: 100, height: 50 }, 240, 120), { width: 100, height: 50 });
});
