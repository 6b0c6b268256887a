// Text helpers for reading files from anywhere: a peek at the start of a stream, the CSV delimiter sniffed
// from the first lines (quote-aware), NDJSON lines with a length cap, and text made safe for a terminal.

/** The longest NDJSON line read (64 MiB of text): longer ones are a per-line error, not a crash. */
export const MAX_LINE = 64 * 1024 * 1024;

/** The delimiters a CSV may use, in the order ties are broken. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Reads the start of a text stream until `enough(prefix)` or the end; returns it and the whole stream
 * (the prefix put back in front).
 */
export async function peekText(
  source: AsyncIterable<string>,
  enough: (prefix: string) => boolean,
): Promise<{ prefix: string; ended: boolean; text: AsyncGenerator<string> }> {
  const iterator = source[Symbol.asyncIterator]();
  let prefix = '';
  let ended = false;
  while (!enough(prefix)) {
    const next = await iterator.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    prefix += next.value;
  }
  async function* text(): AsyncGenerator<string> {
    if (prefix !== '') yield prefix;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  return { prefix, ended, text: text() };
}

/** Enough of a CSV to sniff its delimiter: 30 lines or 256 KiB. */
export function enoughToSniff(prefix: string): boolean {
  if (prefix.length >= 256 * 1024) return true;
  let lines = 0;
  for (let index = prefix.indexOf('\n'); index >= 0; index = prefix.indexOf('\n', index + 1))
    if (++lines >= 30) return true;
  return false;
}

/**
 * The delimiter of a CSV, from its header and first records: the candidate found outside quotes on the
 * header and on the same count of times on most records. A comma when nothing says otherwise.
 */
export function sniffDelimiter(prefix: string, ended: boolean): string {
  // records, split outside quotes; the last one dropped unless the text is whole
  const counts: Array<Record<string, number>> = [];
  let current: Record<string, number> = {};
  let inQuotes = false;
  let empty = true;
  for (let index = 0; index < prefix.length; index++) {
    const char = prefix[index] as string;
    if (char === '"') {
      inQuotes = !inQuotes;
      empty = false;
    } else if (!inQuotes && (char === '\n' || char === '\r')) {
      if (!empty) counts.push(current);
      current = {};
      empty = true;
    } else {
      if (char !== ' ') empty = false;
      if (!inQuotes && (DELIMITERS as readonly string[]).includes(char))
        current[char] = (current[char] ?? 0) + 1;
    }
  }
  if (ended && !empty) counts.push(current);
  const records = counts.slice(0, 30);
  const header = records[0];
  if (header === undefined) return ',';
  let best = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const columns = header[delimiter] ?? 0;
    if (columns === 0) continue;
    const rest = records.slice(1);
    const same = rest.filter((record) => (record[delimiter] ?? 0) === columns).length;
    const consistency = rest.length === 0 ? 1 : same / rest.length;
    // consistency first, then the count of columns it makes
    const score = consistency * 1000 + Math.min(columns, 999);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** The name of a delimiter, for messages. */
export function delimiterName(delimiter: string): string {
  return delimiter === '\t'
    ? 'tab'
    : delimiter === ','
      ? 'comma'
      : delimiter === ';'
        ? 'semicolon'
        : delimiter === '|'
          ? 'pipe'
          : JSON.stringify(delimiter);
}

/** One line of a text stream: its number, its text (without the line break), or too long to be read. */
export interface Line {
  readonly line: number;
  readonly text: string;
  readonly tooLong: boolean;
}

/**
 * The lines of a text stream (LF or CRLF), each with its number, a chunk's worth at a time (one await per
 * chunk, not per line); a line longer than `max` characters is given as `{ tooLong: true }` without its
 * text (its characters are dropped as they come).
 */
export async function* linesOf(text: AsyncIterable<string>, max: number = MAX_LINE): AsyncGenerator<Line[]> {
  let parts: string[] = [];
  let length = 0;
  let tooLong = false;
  let line = 0;
  const take = (piece: string) => {
    if (tooLong) return;
    if (length + piece.length > max) {
      tooLong = true;
      parts = [];
      length = 0;
      return;
    }
    parts.push(piece);
    length += piece.length;
  };
  const emit = (): Line => {
    line++;
    let joined = tooLong ? '' : parts.length === 1 ? (parts[0] as string) : parts.join('');
    if (joined.endsWith('\r')) joined = joined.slice(0, -1);
    const out = { line, text: joined, tooLong };
    parts = [];
    length = 0;
    tooLong = false;
    return out;
  };
  for await (const chunk of text) {
    const lines: Line[] = [];
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      if (parts.length === 0 && !tooLong && end - start <= max) {
        // the common case: a whole line inside the chunk
        line++;
        const whole =
          chunk.charCodeAt(end - 1) === 13 && end > start
            ? chunk.slice(start, end - 1)
            : chunk.slice(start, end);
        lines.push({ line, text: whole, tooLong: false });
      } else {
        take(chunk.slice(start, end));
        lines.push(emit());
      }
      start = end + 1;
    }
    if (start < chunk.length) take(chunk.slice(start));
    if (lines.length > 0) yield lines;
  }
  if (length > 0 || tooLong) yield [emit()];
}

// C0 controls but \n, DEL, C1 controls, the line and paragraph separators (a new line on some terminals),
// and the bidirectional marks and overrides that reorder a line on screen
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal: control characters (ANSI escapes, carriage returns, bidi overrides) shown as `�`. */
export function forTerminal(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

/** A value quoted for a message: JSON-quoted, control characters escaped, cut at 60 characters. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const cut = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return JSON.stringify(cut).replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = saved;
    }
  }
  return row[b.length] as number;
}

/** The candidate closest to `name` (case and separators ignored), when close enough to suggest. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const key = (text: string) => text.toLowerCase().replace(/[\s_\-.]+/g, '');
  const wanted = key(name);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const other = key(candidate);
    const d =
      other === wanted ? 0 : other.includes(wanted) || wanted.includes(other) ? 1 : distance(wanted, other);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}
