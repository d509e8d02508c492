// The PNG writer's files are read back by an independent decoder (resvg, which decodes an
// embedded PNG to draw it), pixel for pixel.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import { encodeRgbaPng } from './png-encoder.ts';

function pixelsOfDecoded(png: Buffer, width: number, height: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" image-rendering="optimizeSpeed" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
}

test('RGBA pixels come back unchanged from the PNG, row by row', async () => {
  const width = 7;
  const height = 5;
  const pixels = Buffer.alloc(width * height * 4);
  for (let index = 0; index < width * height; index += 1) {
    // Opaque colours that differ in every channel from pixel to pixel and row to row.
    pixels.set([(index * 37) % 256, (index * 91) % 256, (index * 13 + 50) % 256, 255], index * 4);
  }
  const png = await encodeRgbaPng(pixels, width, height);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.readUInt32BE(16), width);
  assert.equal(png.readUInt32BE(20), height);
  assert.deepEqual(pixelsOfDecoded(png, width, height), pixels);
});

test('a pixel buffer of the wrong size is refused rather than written as a broken picture', async () => {
  await assert.rejects(encodeRgbaPng(Buffer.alloc(10), 2, 2), /expected 16 bytes/);
});
