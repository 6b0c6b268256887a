// Random JavaScript patterns, flags and texts for the differential test against RegExp, shared by the unit
// property test and scripts/fuzz-patterns.mjs' longer run (through esbuild's loader there).
import fc from 'fast-check';

/** Characters texts are made of: cases, folds (K ſ), an astral character, a lone surrogate, line terminators. */
export const TEXT_CHARS = [
  'a',
  'b',
  'A',
  'B',
  'k',
  'K',
  '\u212a',
  's',
  '\u017f',
  'é',
  'É',
  '😀',
  '\ud83d',
  '\n',
  '\r',
  '\u2028',
  ' ',
  '1',
  '_',
  '-',
  '\t',
  '.',
];

const LITERALS = [
  'a',
  'b',
  'A',
  'k',
  's',
  'é',
  '😀',
  '\u212a',
  '-',
  ' ',
  '_',
  '1',
  '\\.',
  '\\-',
  '\\n',
  '\\t',
  '\\/',
];
const ESCAPES = [
  '\\d',
  '\\w',
  '\\s',
  '\\D',
  '\\W',
  '\\S',
  '\\x61',
  '\\u0041',
  '\\cJ',
  '\\0',
  '\\ud83d\\ude00',
  '\\uD83D',
];
const UNICODE_ESCAPES = ['\\u{1F600}', '\\u{61}', '\\p{L}', '\\P{Lu}', '\\p{Script=Greek}', '\\p{Ll}'];
const LEGACY_ESCAPES = ['\\011', '\\01', '\\c', '\\x6', '\\u00', '\\k', '\\e', ']', '{', '}', 'a{', 'x{1,'];
const CLASS_PARTS = [
  'a',
  'b',
  'A-Z',
  'a-c',
  '\\w',
  '\\d',
  '\\s',
  '\\t-\\r',
  '-',
  'é',
  '😀',
  '\\u212a',
  '\\b',
  '\\x61',
  '^',
  '.',
  '\\]',
];

function character(unicode: boolean): fc.Arbitrary<string> {
  const classes = fc
    .tuple(
      fc.boolean(),
      fc.array(fc.constantFrom(...CLASS_PARTS, ...(unicode ? ['\\p{L}', '\\P{L}'] : [])), { maxLength: 3 }),
    )
    .map(([negate, parts]) => `[${negate ? '^' : ''}${parts.join('')}]`);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...LITERALS) },
    { weight: 2, arbitrary: fc.constantFrom(...ESCAPES, ...(unicode ? UNICODE_ESCAPES : LEGACY_ESCAPES)) },
    { weight: 2, arbitrary: classes },
    { weight: 1, arbitrary: fc.constant('.') },
  );
}

const quantifier = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('*', '+', '?'),
      fc.nat(3).map((m) => `{${m}}`),
      fc.nat(3).map((m) => `{${m},}`),
      fc.tuple(fc.nat(2), fc.nat(2)).map(([m, extra]) => `{${m},${m + extra}}`),
    ),
    fc.boolean(),
  )
  .map(([text, lazy]) => (lazy ? `${text}?` : text));

/** A random pattern text for the flags: a tree printed, so it is usually valid. */
export function patternText(unicode: boolean): fc.Arbitrary<string> {
  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 5, arbitrary: character(unicode) },
      { weight: 1, arbitrary: fc.constantFrom('^', '$', '\\b', '\\B') },
      { weight: 2, arbitrary: fc.tuple(tie('node'), quantifier).map(([body, q]) => `(?:${body})${q}`) },
      { weight: 2, arbitrary: fc.tuple(character(unicode), quantifier).map(([body, q]) => `${body}${q}`) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom('(', '(?:', '(?<g>'), fc.array(tie('node'), { minLength: 1, maxLength: 3 }))
          .map(([open, items]) => `${open}${items.join('')})`),
      },
      {
        weight: 2,
        arbitrary: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((items) => items.join('|')),
      },
      {
        weight: 3,
        arbitrary: fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((items) => items.join('')),
      },
    ),
  }));
  return node;
}

/** Flags out of i, m, s, u. */
export const flagsText = fc
  .record({ i: fc.boolean(), m: fc.boolean(), s: fc.boolean(), u: fc.boolean() })
  .map(({ i, m, s, u }) => `${i ? 'i' : ''}${m ? 'm' : ''}${s ? 's' : ''}${u ? 'u' : ''}`);

/** A pattern with its flags. */
export const patternCase = flagsText.chain((flags) =>
  patternText(flags.includes('u')).map((pattern) => ({ pattern, flags })),
);

/** Short texts over {@link TEXT_CHARS}. */
export const text = fc
  .array(fc.constantFrom(...TEXT_CHARS), { maxLength: 12 })
  .map((chars) => chars.join(''));
