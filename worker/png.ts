/**
 * What the worker checks of a card before storing it (it never decodes one): that it is a
 * whole PNG, by its signature, its first chunk and its last, and that it is as large as a
 * link preview shows in full. The pixels are the renderer's business (cli/card.ts).
 */
import { CARD_SIZE } from '../factbox/card';

/**
 * The largest card stored. The renderer's cards weigh 35-70 KB (bench/README.md); four times
 * that leaves room for a busier design, and stays far below what link-preview crawlers fetch
 * (Facebook and X take up to 5 MB, Telegram about 5 MB too).
 */
export const MAX_CARD_BYTES = 256 * 1024;

/** PNG's signature (ISO/IEC 15948 §5.2): \x89 P N G \r \n \x1a \n. */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The IEND chunk every PNG ends with: length 0, type, and its fixed CRC. */
const IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** Why a body is not a card: 415 when it is not a PNG at all, 400 when it is the wrong one. */
export interface PngRefusal {
  status: 400 | 415;
  reason: string;
}

const startsWith = (bytes: Uint8Array, expected: number[], at = 0) => expected.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/**
 * Why `bytes` cannot be a card, or `null` when they can: PNG signature, an IHDR chunk first
 * (13 bytes) giving {@link CARD_SIZE}, and IEND last (a cut-off upload is refused, not served).
 *
 * @example
 * cardPngProblem(new TextEncoder().encode('GIF89a')); // { status: 415, reason: 'not a PNG: …' }
 */
export function cardPngProblem(bytes: Uint8Array): PngRefusal | null {
  if (!startsWith(bytes, SIGNATURE)) {
    return {
      status: 415,
      reason: 'not a PNG: the body does not start with the PNG signature (89 50 4E 47 0D 0A 1A 0A)',
    };
  }
  // Signature (8), then IHDR: length (4) = 13, type (4), width (4), height (4), 5 more bytes, CRC (4).
  if (bytes.length < 33 + IEND.length || ascii(bytes, 12, 16) !== 'IHDR') {
    return { status: 400, reason: 'a broken PNG: it has no IHDR chunk after the signature' };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [width, height] = [view.getUint32(16), view.getUint32(20)];
  if (width !== CARD_SIZE.width || height !== CARD_SIZE.height) {
    return {
      status: 400,
      reason: `the image is ${width} × ${height} pixels; a card is ${CARD_SIZE.width} × ${CARD_SIZE.height}`,
    };
  }
  if (!startsWith(bytes, IEND, bytes.length - IEND.length)) {
    return { status: 400, reason: 'a broken PNG: it does not end with an IEND chunk (cut off?)' };
  }
  return null;
}
