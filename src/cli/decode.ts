/// <reference types="node" />
// Bytes to text, decided on the bytes: a UTF-8 BOM is dropped, a UTF-16 BOM (LE or BE) decodes UTF-16,
// and a file that is not valid UTF-8 is read as Windows-1252 (the encoding of Excel's "CSV" on Windows)
// with one notice, so `José` reads `José`, not `Jos�`. Chunks are cut on character boundaries.

/** Windows-1252's 0x80–0x9F (the rest of the byte range is Latin-1); undefined bytes keep their C1 code. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/** Windows-1252 bytes as text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + 8192);
    for (let index = start; index < end; index++) {
      const byte = bytes[index] as number;
      codes.push(byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] as number) : byte);
    }
    text += String.fromCharCode(...codes);
  }
  return text;
}

/** How many bytes at the end of `bytes` start a UTF-8 sequence that the chunk does not finish. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] as number;
    const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    try {
      fatal.decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return index;
}

/** How many bytes decide whether a file is UTF-8. */
const DECIDE_ON = 64 * 1024;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * The text of a byte stream. `notice` is called once when the encoding is not plain UTF-8 (a UTF-16 BOM,
 * or bytes that are not UTF-8, read from then on as Windows-1252).
 */
export async function* decodeText(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  notice: (message: string) => void,
): AsyncGenerator<string> {
  let encoding: Encoding | undefined;
  let carry: Uint8Array = new Uint8Array(0);
  let offset = 0; // bytes read before `carry`
  let lines = 0; // line feeds before `carry`
  let deciding = true;
  let pending: Uint8Array = new Uint8Array(0);
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const utf16 = new TextDecoder('utf-16le');
  const concat = (a: Uint8Array, b: Uint8Array) => {
    if (a.length === 0) return b;
    const out = new Uint8Array(a.length + b.length);
    out.set(a, 0);
    out.set(b, a.length);
    return out;
  };
  const decodeSome = (bytes: Uint8Array, final: boolean): string => {
    if (encoding === 'windows-1252') return decodeWindows1252(bytes);
    if (encoding === 'utf-16le') return utf16.decode(bytes, { stream: !final });
    if (encoding === 'utf-16be') {
      const even = final ? bytes.length : bytes.length - (bytes.length % 2);
      const swapped = new Uint8Array(even);
      for (let index = 0; index + 1 < even; index += 2) {
        swapped[index] = bytes[index + 1] as number;
        swapped[index + 1] = bytes[index] as number;
      }
      carry = bytes.slice(even);
      return utf16.decode(swapped, { stream: !final });
    }
    const tail = final ? 0 : incompleteTail(bytes);
    const whole = bytes.subarray(0, bytes.length - tail);
    try {
      const text = fatal.decode(whole);
      carry = bytes.slice(bytes.length - tail);
      for (let at = whole.indexOf(10); at >= 0; at = whole.indexOf(10, at + 1)) lines++;
      return text;
    } catch {
      encoding = 'windows-1252';
      const at = firstInvalidUtf8(whole);
      for (let index = 0; index < at; index++) if (whole[index] === 10) lines++;
      notice(
        `not valid UTF-8 (line ${lines + 1}, byte ${(offset + at).toLocaleString('en')}): read as Windows-1252; save the file as UTF-8 to silence this`,
      );
      carry = new Uint8Array(0);
      return decodeWindows1252(bytes);
    }
  };
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    let bytes = concat(carry, chunk);
    carry = new Uint8Array(0);
    if (encoding === undefined) {
      if (bytes.length < 3) {
        carry = bytes;
        continue;
      }
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        encoding = 'utf-8';
        bytes = bytes.subarray(3);
        offset = 3;
      } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
        encoding = 'utf-16le';
        bytes = bytes.subarray(2);
        notice('UTF-16 (little-endian, from its byte-order mark)');
      } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
        encoding = 'utf-16be';
        bytes = bytes.subarray(2);
        notice('UTF-16 (big-endian, from its byte-order mark)');
      } else encoding = 'utf-8';
      deciding = encoding === 'utf-8';
    }
    if (deciding) {
      // UTF-8 or not is decided on the first 64 KiB (or the whole file, when smaller), not chunk by chunk
      pending = concat(pending, bytes);
      if (pending.length < DECIDE_ON) continue;
      bytes = pending;
      pending = new Uint8Array(0);
      deciding = false;
    }
    const before = bytes.length;
    const text = decodeSome(bytes, false);
    offset += before - carry.length;
    if (text !== '') yield text;
  }
  if (deciding && pending.length > 0) carry = concat(pending, carry);
  if (encoding === undefined && carry.length > 0) {
    if (carry[0] === 0xff && carry[1] === 0xfe) encoding = 'utf-16le';
    else if (carry[0] === 0xfe && carry[1] === 0xff) encoding = 'utf-16be';
    else encoding = 'utf-8';
    if (encoding !== 'utf-8') carry = carry.subarray(2);
  }
  const rest = decodeSome(carry, true);
  if (rest !== '') yield rest;
}

/** The text of a whole buffer (a config, a map), decided as {@link decodeText} decides. */
export function decodeBuffer(bytes: Uint8Array, notice: (message: string) => void): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const bigEndian = bytes[0] === 0xfe;
    notice(`UTF-16 (${bigEndian ? 'big' : 'little'}-endian, from its byte-order mark)`);
    const body = bytes.slice(2, 2 + ((bytes.length - 2) & ~1));
    if (bigEndian)
      for (let index = 0; index + 1 < body.length; index += 2) {
        const high = body[index] as number;
        body[index] = body[index + 1] as number;
        body[index + 1] = high;
      }
    return new TextDecoder('utf-16le').decode(body);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    notice('not valid UTF-8: read as Windows-1252; save the file as UTF-8 to silence this');
    return decodeWindows1252(bytes);
  }
}
