import { MET, type Tri, UNKNOWN, UNMET } from '../internal/status';

/** A three-valued test of some input: a lead's context when classifying, leaf statuses in the lint's search. */
export type TriOf<Input> = (input: Input) => Tri;

/** `all`: unmet as soon as one child is, unknown if one is and none is unmet, else met. */
export function allOf<Input>(children: ReadonlyArray<TriOf<Input>>): TriOf<Input> {
  if (children.length === 1) return children[0] as TriOf<Input>;
  return (input) => {
    let result: Tri = MET;
    for (const child of children) {
      const outcome = child(input);
      if (outcome === UNMET) return UNMET;
      if (outcome === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

/** `any`: met as soon as one child is, unknown if one is and none is met, else unmet. */
export function anyOf<Input>(children: ReadonlyArray<TriOf<Input>>): TriOf<Input> {
  if (children.length === 1) return children[0] as TriOf<Input>;
  return (input) => {
    let result: Tri = UNMET;
    for (const child of children) {
      const outcome = child(input);
      if (outcome === MET) return MET;
      if (outcome === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

/** `not`: met and unmet swapped, unknown stays unknown. */
export function notOf<Input>(inner: TriOf<Input>): TriOf<Input> {
  return (input) => {
    const result = inner(input);
    return result === MET ? UNMET : result === UNMET ? MET : UNKNOWN;
  };
}

/** `atLeast n of`: met once n are, unmet once n can no longer be, else unknown. */
export function atLeast<Input>(needed: number, children: ReadonlyArray<TriOf<Input>>): TriOf<Input> {
  return (input) => {
    let met = 0;
    let unknown = 0;
    let remaining = children.length;
    for (const child of children) {
      remaining--;
      const outcome = child(input);
      if (outcome === MET) {
        if (++met >= needed) return MET;
      } else if (outcome === UNKNOWN) unknown++;
      else if (met + unknown + remaining < needed) return UNMET;
    }
    return met + unknown >= needed ? UNKNOWN : UNMET;
  };
}
