import type { ConfigExample } from '../schema/config';
import type { Classification } from '../schema/result';
import type { Classifier } from './Classifier';

/** What one example's result got wrong, one line each, each saying why where it can. */
export function exampleFailures(example: ConfigExample, result: Classification): string[] {
  const failures: string[] = [];
  const { stage, scores, criteria, grade } = example.expect;
  if (stage !== undefined && result.stage !== stage) failures.push(stageFailure(stage, result));
  if (grade !== undefined && result.grade !== grade) {
    const of = Object.entries(result.scores)
      .filter(([name]) => name !== 'total')
      .map(([name, value]) => `${name} ${value}`)
      .join(', ');
    failures.push(
      `grade: expected "${grade}", got ${result.grade === undefined ? 'none (the config has no grades)' : `"${result.grade}" (${of})`}`,
    );
  }
  for (const [name, value] of Object.entries(scores ?? {})) {
    const got = result.scores[name];
    if (got === undefined || Math.abs(got - value) > 0.01)
      failures.push(`scores.${name}: expected ${value}, got ${got}`);
  }
  for (const [id, status] of Object.entries(criteria ?? {})) {
    const got = result.criteria[id];
    if (got?.status === status) continue;
    const read = got?.facts
      .map(
        (fact) => `${fact.path}${fact.value === undefined ? ' absent' : ` = ${JSON.stringify(fact.value)}`}`,
      )
      .join(', ');
    failures.push(
      `criteria.${id}: expected ${status}, got ${got?.status}${read ? ` (read ${read})` : ''}${flagsOf(result)}`,
    );
  }
  return failures;
}

/** `stage: expected "SAL", got "unqualified" (SAL is unmet; not met: interest (unmet), …; flags: …)`. */
function stageFailure(expected: string, result: Classification): string {
  const head = `stage: expected "${expected}", got "${result.stage}"`;
  const order = result.stages.map((each) => each.id);
  const wanted = result.stages.find((each) => each.id === expected);
  if (wanted === undefined) return head;
  if (order.indexOf(result.stage) < order.indexOf(expected)) {
    return `${head} (${result.stage} comes first and is met)${flagsOf(result)}`;
  }
  const notMet = Object.entries(result.criteria)
    .filter(([, criterion]) => criterion.status !== 'met')
    .map(([id, criterion]) => `${id} (${criterion.status})`);
  const why = notMet.length === 0 ? '' : `; criteria not met: ${notMet.join(', ')}`;
  return `${head} (${expected} is ${wanted.status}${why})${flagsOf(result)}`;
}

function flagsOf(result: Classification): string {
  return result.flags.length === 0 ? '' : ` [flags: ${result.flags.join(', ')}]`;
}

/** Runs one example on a classifier. */
export function runExample(classifier: Classifier, example: ConfigExample) {
  const result = classifier.classify(example.lead, { asOf: example.asOf });
  return { result, failures: exampleFailures(example, result) };
}
