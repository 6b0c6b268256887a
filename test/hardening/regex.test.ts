// Case 1 of the hardening issue: patterns a backtracking engine takes seconds on were accepted. Now the
// validator refuses them, and a pattern never sees more than 1,000 characters (`too_long:<path>`).
// Their speed on 50 KB strings is measured by bench/redos.mjs, not here.
import { describe, expect, it } from 'vitest';
import { compile, safeParseConfig } from '../../src/index';

const configWith = (matches: unknown) => ({
  version: 1,
  id: 'regex',
  criteria: { title: { when: { fact: 'contact.title', matches } } },
  stages: [{ id: 'top', when: { criterion: 'title' } }, { id: 'rest' }],
});

const HANGING = [
  '(a|a)*$',
  '(a|aa)+$',
  '(\\d|\\d\\d)+$',
  '(\\w|\\d)+$',
  '(ab|a)*c',
  { pattern: '(a|A)*$', flags: 'i' },
  '^(a?){400}a{400}$',
  'a*a*b',
  '.*.*.*=',
  'a{1,100000}b',
  '(?=(a+))a*b',
  '(a+)+$',
  '(a)\\1',
];
const ORDINARY = [
  '\\s*,\\s*$',
  '\\s+$',
  'a+b',
  '^[^@]+@acme\\.example$',
  '^(?:vp|head) of',
  '^[^@\\s]+@[^@\\s]+\\.[a-z]+$',
  '^\\d{3}-\\d{4}$',
  '(Mr|Ms)\\.? \\w+',
  { pattern: '^chief', flags: 'i' },
];

describe('regular expressions that cannot hang', () => {
  it.each(HANGING)('refuses %j with unsafe_pattern', (pattern) => {
    const issues = safeParseConfig(configWith(pattern)).issues;
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['unsafe_pattern', ['criteria', 'title', 'when', 'matches']],
    ]);
  });

  it.each(ORDINARY)('accepts %j', (pattern) => {
    expect(safeParseConfig(configWith(pattern)).success).toBe(true);
  });

  it('never shows a pattern more than 1,000 characters: unknown, flagged too_long', () => {
    const classifier = compile(configWith('\\s+$'));
    const long = classifier.classify(
      { contact: { title: `${' '.repeat(50_000)}!` } },
      { asOf: '2026-06-30' },
    );
    expect(long.criteria.title?.status).toBe('unknown');
    expect(long.flags).toContain('too_long:contact.title');
    const short = classifier.classify({ contact: { title: `${'x'.repeat(999)} ` } }, { asOf: '2026-06-30' });
    expect(short.criteria.title?.status).toBe('met');
    expect(short.flags).toEqual([]);
  });
});
