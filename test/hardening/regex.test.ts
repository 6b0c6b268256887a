// Case 1 of both hardening issues: patterns a backtracking engine takes seconds or minutes on. `matches` now
// runs on a state-set simulation (src/internal/regex), linear in the text by construction: every pattern of
// either corpus is refused with a reason (a back-reference, a lookaround, too large a program) or runs on
// 50 KB of hostile text within c × program size × (length + 1) steps, counted, never timed. There is no
// cap on the text's length any more. Speed is measured by bench/redos.mjs, not here.
import { describe, expect, it } from 'vitest';
import { configHash, sealFor } from '../../src/config/seal';
import { ConfigError, compile, safeParseConfig, sealConfig } from '../../src/index';
import { MAX_TEST_STEPS } from '../../src/internal/regex/compilePattern';
import { compileProgram } from '../../src/internal/regex/compileProgram';
import { parsePattern } from '../../src/internal/regex/parsePattern';
import { runProgram } from '../../src/internal/regex/runProgram';
import { compileSealed } from '../../src/runtime/index';

/** The most steps the engine may take on a text, for a program of n instructions (runProgram says why). */
const bound = (instructions: number, length: number) => (7 * instructions + 3) * (length + 1);
const LENGTH = 50_000;

const configWith = (matches: unknown) => ({
  version: 1,
  id: 'regex',
  criteria: { title: { when: { fact: 'contact.title', matches } } },
  stages: [{ id: 'top', when: { criterion: 'title' } }, { id: 'rest' }],
});

type Pattern = string | { readonly pattern: string; readonly flags: string };
/** A pattern, the unit its hostile text repeats (then `!`), and the code it is refused with, if it is. */
type Case = readonly [Pattern, string, ('unsupported_pattern' | 'too_large')?];

// the first hardening issue's corpus
const FIRST: readonly Case[] = [
  ['(a|a)*$', 'a'],
  ['(a|aa)+$', 'a'],
  ['(\\d|\\d\\d)+$', '1'],
  ['(\\w|\\d)+$', '1'],
  ['(ab|a)*c', 'ab'],
  [{ pattern: '(a|A)*$', flags: 'i' }, 'a'],
  ['^(a?){400}a{400}$', 'a'],
  ['a*a*b', 'a'],
  ['.*.*.*=', 'x'],
  ['\\s*,\\s*$', ' '],
  ['a{1,100000}b', 'a', 'too_large'],
  ['(?=(a+))a*b', 'a', 'unsupported_pattern'],
  ['(a+)+$', 'a'],
  ['(a)\\1', 'a', 'unsupported_pattern'],
  ['\\s+$', ' '],
  ['a+b', 'a'],
  ['^[^@]+@acme\\.example$', 'x'],
  ['^[^@\\s]+@[^@\\s]+\\.[a-z]+$', 'a'],
];
// issue 19: the analyser's bypasses, exactly as reported
const BYPASSES: readonly Case[] = [
  ['[]|(a|a)*$', 'a'],
  ['.*a.*b', 'a'],
  ['.*a.*a.*b', 'a'],
  ['\\x61*\\x61*\\x61*$', 'a'],
  ['\\u0061*\\u0061*\\u0061*$', 'a'],
  ['\\cI*\\cI*\\cI*$', '\t'],
  ['\\011*\\011*\\011*$', '\t'],
  [{ pattern: '\\p{L}*\\p{L}*\\p{L}*$', flags: 'u' }, 'a'],
  ['[\\t-\\r]', '\t'],
  ['[\\t-\\r]*[\\t-\\r]*[\\t-\\r]*$', '\n'],
  ['(?:a*)(?:a*)(?:a*)$', 'a'],
  ['(?:a+)?(?:a+)?(?:a+)?b', 'a'],
  // and a few of the same family
  ['(?:(?:a|a)*)*$', 'a'],
  [{ pattern: '(?:\\w|[^\\W])*$', flags: 'iu' }, 'K'],
  ['^(?:a?){300}a{300}$', 'a'],
  ['(?:\\d+\\.?)+$', '1'],
  ['(a)(?<=a)', 'a', 'unsupported_pattern'],
  ['(?<n>a)\\k<n>', 'a', 'unsupported_pattern'],
  ['(?:(?:a{100}){100}){100}', 'a', 'too_large'],
];

const sourceOf = (pattern: Pattern) => (typeof pattern === 'string' ? pattern : pattern.pattern);
const flagsOf = (pattern: Pattern) => (typeof pattern === 'string' ? '' : pattern.flags);
const hostile = (unit: string) => `${unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH - 1)}!`;
const programOf = (pattern: Pattern) => compileProgram(parsePattern(sourceOf(pattern), flagsOf(pattern)));

describe.each([
  ['the first corpus', FIRST],
  ['the bypasses of issue 19', BYPASSES],
])('%s', (_, corpus) => {
  const refused = corpus.filter(([, , code]) => code !== undefined);
  const accepted = corpus.filter(([, , code]) => code === undefined);

  it.each(refused)('refuses %j with a reason', (pattern, _unit, code) => {
    const issues = safeParseConfig(configWith(pattern)).issues;
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      [code, ['criteria', 'title', 'when', 'matches']],
    ]);
    expect(issues[0]?.message).toMatch(
      code === 'too_large' ? /instructions/ : /back-reference|look(ahead|behind)/,
    );
  });

  for (const [pattern, unit] of accepted) {
    it(`runs ${JSON.stringify(pattern)} on 50 KB in steps linear in the text`, () => {
      const program = programOf(pattern);
      const text = hostile(unit);
      const meter = { steps: 0 };
      const matched = runProgram(program, text, meter);
      expect(meter.steps).toBeLessThanOrEqual(bound(program.size, text.length));
      // the answer RegExp gives on the same text cut short enough for backtracking: the unit 8 times, then "!"
      const short = `${unit.repeat(8)}!`;
      expect(matched).toBe(new RegExp(sourceOf(pattern), flagsOf(pattern)).test(short));
    });

    it(`classifies with ${JSON.stringify(pattern)} on 50 KB: an answer, never unknown`, () => {
      const result = compile(configWith(pattern)).classify(
        { contact: { title: hostile(unit) } },
        { asOf: '2026-06-30' },
      );
      expect(result.criteria.title?.status).not.toBe('unknown');
      expect(result.flags).toEqual([]);
    });
  }
});

describe('the work of one test', () => {
  it('grows linearly with the text, even for a large program', () => {
    const program = compileProgram(parsePattern('[ab]{0,500}c'));
    const steps = (length: number) => {
      const meter = { steps: 0 };
      runProgram(program, 'a'.repeat(length), meter);
      return meter.steps;
    };
    const [short, long] = [steps(2_000), steps(8_000)];
    expect(long).toBeLessThanOrEqual(bound(program.size, 8_000));
    // past the repetition's reach the work per character is constant: four times the text, under five times the steps
    expect(long / short).toBeLessThan(5);
  });

  it('is capped: a large program on a long text is unknown, flagged too_costly, after at most MAX_TEST_STEPS', () => {
    const pattern = '(?:a?){1000}a{1000}$';
    const program = programOf(pattern);
    const meter = { steps: 0 };
    expect(runProgram(program, hostile('a'), meter, MAX_TEST_STEPS)).toBeUndefined();
    expect(meter.steps).toBeLessThanOrEqual(MAX_TEST_STEPS + bound(program.size, 0));
    const classifier = compile(configWith(pattern));
    const long = classifier.classify({ contact: { title: hostile('a') } }, { asOf: '2026-06-30' });
    expect(long.criteria.title?.status).toBe('unknown');
    expect(long.flags).toContain('too_costly:contact.title');
    // the same pattern on an ordinary value answers (200 a's: fewer than it needs)
    const short = classifier.classify({ contact: { title: 'a'.repeat(200) } }, { asOf: '2026-06-30' });
    expect(short.criteria.title?.status).toBe('unmet');
    expect(short.flags).toEqual([]);
  });

  it('a match found late costs no more per character than one never found', () => {
    const program = programOf('.*a.*a.*b');
    const meter = { steps: 0 };
    expect(runProgram(program, `${'a'.repeat(LENGTH)}b`, meter)).toBe(true);
    expect(meter.steps).toBeLessThanOrEqual(bound(program.size, LENGTH + 1));
  });
});

describe('sealed configs (leadstage/runtime) compile patterns with the same engine', () => {
  const forge = (config: Record<string, unknown>) => ({ ...config, $seal: sealFor(configHash(config)) });

  it.each(['[]|(a|a)*$', '.*a.*a.*b', '(?:a+)?(?:a+)?(?:a+)?b'])('%j answers on 50 KB', (pattern) => {
    const classifier = compileSealed(sealConfig(configWith(pattern)));
    const result = classifier.classify({ contact: { title: hostile('a') } }, { asOf: '2026-06-30' });
    expect(result.criteria.title?.status).toBe(
      new RegExp(pattern).test(`${'a'.repeat(8)}!`) ? 'met' : 'unmet',
    );
  });

  it.each(['(a)\\1', '(?=a)a', '(?:a{1000}){1000}'])('refuses a forged seal with %j', (pattern) => {
    const attempt = () => compileSealed(forge(configWith(pattern)));
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/invalid_sealed_config|cannot be compiled/);
  });
});
