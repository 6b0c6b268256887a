// An operator of your own, beside the built-ins: a table keyed by name, a test returning 'met',
// 'unmet' or 'unknown' (ESM, against the built package). See docs/conditions.md.
import { compile, compileCondition, defaultOperators, safeParseCondition } from 'leadstage';
import * as z from 'zod/mini';

const operators = {
  ...defaultOperators,
  domainIs: {
    operand: z.string(),
    expected: 'a domain such as "acme.io"',
    compile: (domain) => (value) =>
      typeof value !== 'string' ? 'unknown' : value.toLowerCase().endsWith(`@${domain}`) ? 'met' : 'unmet',
  },
};

const ours = compileCondition({ fact: 'contact.email', domainIs: 'acme.io' }, { operators });
const asOf = '2026-06-30';
for (const email of ['ana@acme.io', 'bo@other.io', undefined]) {
  console.log(email ?? '(no email)', '→', ours.evaluate({ contact: { email } }, { asOf }).status);
}

console.log(safeParseCondition({ fact: 'contact.email', domainIs: 42 }, { operators }).issues[0].message);

const classifier = compile(
  {
    version: 1,
    id: 'customers',
    criteria: { customer: { when: { fact: 'contact.email', domainIs: 'acme.io' } } },
    stages: [{ id: 'customer', when: { criterion: 'customer' } }, { id: 'prospect' }],
  },
  { operators },
);
console.log(classifier.classify({ contact: { email: 'Ana@ACME.io' } }, { asOf }).stage);
