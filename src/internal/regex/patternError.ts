/** Why a pattern is refused: not valid JavaScript, a construct the linear engine does not run, or too big a program. */
export type PatternErrorCode = 'invalid_pattern' | 'unsupported_pattern' | 'too_large';

/** Thrown by `compilePattern`: `code` says which kind of refusal, `reason` says what was found, for messages. */
export class PatternError extends Error {
  constructor(
    readonly code: PatternErrorCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'PatternError';
  }
}
