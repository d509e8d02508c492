// The study's logo (issue 13): what a file is, judged by its bytes rather than its name. Only
// PNG and JPEG are accepted, since all three renderers draw them (docx ImageRun, pdfkit, a data:
// URL in HTML). The dimensions are read from the image header, so a file that only starts like
// an image, or claims an absurd size, is refused before it reaches a renderer.

export const LOGO_MAX_BYTES = 1024 * 1024;
/** Larger sides than this are not logos, and would only bloat every report. */
const LOGO_MAX_SIDE_PX = 6000;

export type LogoImageType = 'png' | 'jpeg';

export interface LogoImageInfo {
  type: LogoImageType;
  width: number;
  height: number;
}

export type LogoProblem = 'empty' | 'tooLarge' | 'type' | 'dimensions';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, index) => bytes[index] === value);
}

function uint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) >>> 0) + (bytes[offset + 1]! << 16) + (bytes[offset + 2]! << 8) + bytes[offset + 3]!;
}

function uint16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! << 8) + bytes[offset + 1]!;
}

/** A PNG's size from its first chunk, which the format requires to be IHDR. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 33) return null;
  const chunkType = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (chunkType !== 'IHDR' || uint32(bytes, 8) !== 13) return null;
  return { width: uint32(bytes, 16), height: uint32(bytes, 20) };
}

/** A JPEG's size from its first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    // Fill bytes before a marker.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    // Markers without a length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = uint16(bytes, offset + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (offset + 9 > bytes.length) return null;
      return { height: uint16(bytes, offset + 5), width: uint16(bytes, offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}

/** What the bytes are, or why they cannot be the study's logo. */
export function inspectLogo(bytes: Uint8Array): { ok: true; info: LogoImageInfo } | { ok: false; problem: LogoProblem } {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, problem: 'tooLarge' };
  let type: LogoImageType;
  let size: { width: number; height: number } | null;
  if (startsWith(bytes, PNG_SIGNATURE)) {
    type = 'png';
    size = pngSize(bytes);
  } else if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    type = 'jpeg';
    size = jpegSize(bytes);
  } else {
    return { ok: false, problem: 'type' };
  }
  if (!size || size.width < 1 || size.height < 1 || size.width > LOGO_MAX_SIDE_PX || size.height > LOGO_MAX_SIDE_PX) return { ok: false, problem: 'dimensions' };
  return { ok: true, info: { type, ...size } };
}

/** The MIME type of a logo, for data: URLs. */
export function logoMediaType(type: LogoImageType): string {
  return type === 'png' ? 'image/png' : 'image/jpeg';
}

/**
 * The logo's size on a cover: at most `maxWidth` × `maxHeight`, keeping its proportions and never
 * larger than `natural` (its own size in the renderer's unit), so a small logo is not blown up.
 */
export function fitLogo(natural: { width: number; height: number }, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(maxWidth / natural.width, maxHeight / natural.height, 1);
  return { width: Math.max(1, Math.round(natural.width * scale)), height: Math.max(1, Math.round(natural.height * scale)) };
}
