// The command line's readers, by property over generated inputs: the delimiter sniffed whatever the cells
// hold, text decoded the same whatever the chunking and encoding, lines cut the same, output cells that
// no spreadsheet runs, terminal text with no control character, `--as-of` exact or refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAsOf } from '../../src/cli/asOf';
import { decodeText } from '../../src/cli/decode';
import { CliError } from '../../src/cli/errors';
import { readOutcome } from '../../src/cli/outcome';
import { escapeFormula, unescapeFormula } from '../../src/cli/output';
import { DELIMITERS, forTerminal, linesOf, sniffDelimiter } from '../../src/cli/text';

const collect = async (source: AsyncIterable<string>) => {
  let text = '';
  for await (const chunk of source) text += chunk;
  return text;
};

/** `bytes` cut at the given points, as a stream of chunks. */
async function* chunked(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  let start = 0;
  for (const point of points) {
    yield bytes.subarray(start, point);
    start = point;
  }
  yield bytes.subarray(start);
}

const csvCell = (delimiter: string) => (cell: string) =>
  cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;

describe('sniffDelimiter', () => {
  it('finds the delimiter of any table whose cells are quoted as spreadsheets quote them', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'b', '1', ' ', ',', ';', '\t', '|', '"', '\n', '€', '.'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...DELIMITERS),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(cell, { minLength: 72, maxLength: 72 }),
        fc.boolean(),
        (delimiter, columns, records, cells, ended) => {
          const quote = csvCell(delimiter);
          const header = Array.from({ length: columns }, (_, index) => `col ${index}`).join(delimiter);
          const rows = Array.from({ length: records }, (_, row) =>
            Array.from({ length: columns }, (_, column) => quote(cells[row * columns + column] ?? '')).join(
              delimiter,
            ),
          );
          const text = `${[header, ...rows].join('\r\n')}\r\n`;
          expect(sniffDelimiter(text, ended)).toBe(delimiter);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads European decimals in a semicolon file as cells, not columns', () => {
    expect(sniffDelimiter('id;importo;note\na;1,5;"x; y"\nb;2,25;ok\n', true)).toBe(';');
    expect(sniffDelimiter('id,name\n', true)).toBe(',');
    expect(sniffDelimiter('just one column\nvalue\n', true)).toBe(',');
  });
});

describe('decodeText', () => {
  const text = fc.string({ unit: 'binary', maxLength: 200 });
  const cuts = fc.array(fc.nat({ max: 1000 }), { maxLength: 6 });

  it('decodes UTF-8 (with or without a BOM) and UTF-16 LE/BE (BOM) alike, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        cuts,
        fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
        async (value, at, encoding) => {
          const utf16 = Buffer.from(value, 'utf16le');
          const bytes =
            encoding === 'utf-8'
              ? Buffer.from(value, 'utf8')
              : encoding === 'utf-8-bom'
                ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(value, 'utf8')])
                : encoding === 'utf-16le'
                  ? Buffer.concat([Buffer.from([0xff, 0xfe]), utf16])
                  : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16).swap16()]);
          // a UTF-8 text that itself starts with the BOM's character keeps it (only the first is a BOM)
          const notices: string[] = [];
          const decoded = await collect(decodeText(chunked(bytes, at), (message) => notices.push(message)));
          const expected = encoding === 'utf-8' && value.startsWith('\uFEFF') ? value.slice(1) : value;
          expect(decoded).toBe(expected);
          expect(notices.some((notice) => notice.includes('Windows-1252'))).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads bytes that are not UTF-8 as Windows-1252, with one notice', async () => {
    const cp1252 =
      'abc ,;\né€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';
    const encode = (value: string) => {
      const table = new Map<string, number>();
      const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
      for (let index = 0; index < high.length; index++) table.set(high[index] as string, 0x80 + index);
      return Uint8Array.from([...value].map((char) => table.get(char) ?? (char.codePointAt(0) as number)));
    };
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom(...cp1252), minLength: 1, maxLength: 80 }),
        cuts,
        async (value, at) => {
          const bytes = encode(value);
          let valid = true;
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          } catch {
            valid = false;
          }
          fc.pre(!valid && bytes[0] !== 0xef && bytes[0] !== 0xff && bytes[0] !== 0xfe);
          const notices: string[] = [];
          const decoded = await collect(decodeText(chunked(bytes, at), (message) => notices.push(message)));
          // decided on the first 64 KiB (here the whole file), however it is chunked
          expect(notices).toHaveLength(1);
          expect(notices[0]).toMatch(/not valid UTF-8 \(line \d+, byte \d+\): read as Windows-1252/);
          expect(decoded).toBe(value);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('linesOf', () => {
  it('cuts lines as split does, LF or CRLF, however the text is chunked; over-long lines are flagged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r\n', '{', '"'), maxLength: 60 }),
        fc.array(fc.nat({ max: 60 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 8 }),
        async (text, at, max) => {
          const chunks: string[] = [];
          let start = 0;
          for (const point of [...new Set(at.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b)) {
            chunks.push(text.slice(start, point));
            start = point;
          }
          chunks.push(text.slice(start));
          const lines: Array<{ line: number; text: string; tooLong: boolean }> = [];
          for await (const batch of linesOf(
            (async function* () {
              yield* chunks;
            })(),
            max,
          ))
            lines.push(...batch);
          const expected = text.split('\n');
          if (expected[expected.length - 1] === '') expected.pop();
          expect(lines.map((line) => line.line)).toEqual(expected.map((_, index) => index + 1));
          expected.forEach((line, index) => {
            const got = lines[index];
            const length = line.length; // the cap counts the raw line, its \r included
            if (length > max) expect(got?.tooLong).toBe(true);
            else expect(got).toEqual({ line: index + 1, text: line.replace(/\r$/, ''), tooLong: false });
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('output cells and terminal text', () => {
  it('no text cell starts as a formula once escaped; numbers and safe text are untouched', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer()), (cell) => {
        const out = escapeFormula(cell, true);
        if (typeof cell !== 'string') expect(out).toBe(cell);
        // a formula start, also behind white space or quotes already there (so reading back is exact)
        else if (/^'*(?:[\t\r]|\s*[=+\-@])/.test(cell)) expect(out).toBe(`'${cell}`);
        else expect(out).toBe(cell);
        if (typeof cell === 'string') expect(unescapeFormula(out as string)).toBe(cell);
        expect(escapeFormula(cell, false)).toBe(cell);
      }),
      { numRuns: 1000 },
    );
  });

  it('terminal text keeps no control character but the line feed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = forTerminal(text);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
        expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(out.split('\n').length).toBe(text.split('\n').length);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
        if (!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text.replaceAll('\n', '')))
          expect(out).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseAsOf', () => {
  it('gives back any instant written in ISO 8601, with Z, an offset, or none (UTC)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (date, offsetMinutes) => {
          const iso = date.toISOString();
          expect(parseAsOf(iso)).toBe(iso);
          expect(parseAsOf(iso.slice(0, -1))).toBe(iso); // no offset: UTC
          const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, -1);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
          const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
          if (Number(local.slice(0, 4)) >= 1000 && Number(local.slice(0, 4)) <= 9999)
            expect(parseAsOf(`${local}${sign}${hours}:${minutes}`)).toBe(iso);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses anything else with a usage error (exit 2), never an unexpected one', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', '/', 'T', ':', 'Z', '+', '.', ' ') }),
        (value) => {
          try {
            const iso = parseAsOf(value);
            expect(Number.isNaN(Date.parse(iso))).toBe(false);
          } catch (error) {
            expect(error).toBeInstanceOf(CliError);
            expect((error as CliError).exitCode).toBe(2);
          }
        },
      ),
      { numRuns: 2000 },
    );
    for (const value of ['06/30/2026', '0', '99999-01-01', '2026-02-30', '2026-06-30T24:00'])
      expect(() => parseAsOf(value)).toThrow(CliError);
  });
});

describe('readOutcome', () => {
  it('reads CRM stage words however they are cased and spaced; open stages are no outcome', () => {
    const variants = (word: string) =>
      fc
        .tuple(
          fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
          fc.constantFrom('', ' ', '  '),
        )
        .map(
          ([upper, pad]) =>
            `${pad}${[...word].map((char, index) => (upper[index] ? char.toUpperCase() : char)).join('')}${pad}`,
        );
    for (const [word, outcome] of [
      ['closed won', true],
      ['closedwon', true],
      ['closed_won', true],
      ['won', true],
      ['converted', true],
      ['closed lost', false],
      ['closedlost', false],
      ['lost', false],
    ] as const)
      fc.assert(
        fc.property(variants(word), (value) => {
          expect(readOutcome(value)).toBe(outcome);
        }),
        { numRuns: 50 },
      );
    for (const open of ['appointmentscheduled', 'Qualification', 'Negotiation/Review', '', '  ', 'maybe'])
      expect(readOutcome(open)).toBeUndefined();
  });
});
