// `next` of a result, shared by the closures' result builders (src/classify/buildResult.ts) and the code
// generated for the 'statuses' level (through leadstage/helpers): one function, so both split blockers alike.

/** `next` of a result: `label` for full results, none in `detail: 'statuses'`. */
export interface NextOf<B> {
  stage: string;
  label?: string;
  status: 'unmet' | 'unknown';
  blockers: B[];
  later?: B[];
}

/**
 * The next stage and its blockers, split: an unmet stage stays unmet whatever its unknowns turn out to be,
 * so those go to `later` (they cannot help on their own).
 */
export function nextOf<B extends { readonly status: 'unmet' | 'unknown' }>(
  stage: string,
  label: string | undefined,
  found: B[],
  unknownStage: boolean,
): NextOf<B> {
  // the split only when an unmet stage has an unknown blocker: no scratch array otherwise
  const split = !unknownStage && found.some((blocker) => blocker.status === 'unknown');
  const next = {} as NextOf<B>;
  next.stage = stage;
  if (label !== undefined) next.label = label;
  if (!split) {
    next.status = unknownStage ? 'unknown' : 'unmet';
    next.blockers = found;
  } else {
    next.status = 'unmet';
    next.blockers = found.filter((blocker) => blocker.status === 'unmet');
    next.later = found.filter((blocker) => blocker.status === 'unknown');
  }
  return next;
}
