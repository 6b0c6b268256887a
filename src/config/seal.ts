import { hashJson } from '../internal/hash';
import { type Issue, makeIssue } from '../internal/issues';

/** What a seal starts with: the library and the config format version it vouches for. */
const SEAL_PREFIX = 'leadstage/1:';

/**
 * The hash of what a config classifies with — its rules and texts; not its `examples` (tests of the
 * rules), `$schema` or `$seal`. Independent of key order, but for the one order that means something: which
 * score of `grades` comes first (it gives the grade's first part), hashed as a list of entries. It is
 * `config.hash` in every result.
 */
export function configHash(config: object): string {
  // (anything truthy has entries: a forged `grades` of another type never throws here)
  const grades = (config as { grades?: object }).grades;
  return hashJson({
    ...config,
    examples: undefined,
    $schema: undefined,
    $seal: undefined,
    grades: grades && Object.entries(grades),
  });
}

/** The seal of a config whose {@link configHash} is `hash`. */
export function sealFor(hash: string): string {
  return SEAL_PREFIX + hash;
}

/** The issue of a config whose `$seal` does not match its content, or `undefined` when it does. */
export function checkSeal(seal: unknown, hash: string): Issue | undefined {
  if (seal === sealFor(hash)) return undefined;
  return makeIssue({
    code: 'stale_seal',
    path: ['$seal'],
    problem:
      typeof seal === 'string' && seal.startsWith(SEAL_PREFIX)
        ? 'the config changed after it was sealed'
        : 'not a seal made by sealConfig',
    // never the right seal itself: copying it in would skip the check the seal stands for
    expected: 'the seal sealConfig writes for this exact content',
    fix: 'seal it again with sealConfig, which checks it first; or delete "$seal" if the config is not for leadstage/runtime',
  });
}
