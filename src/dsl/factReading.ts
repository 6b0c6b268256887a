import { compileDateFormat } from '../internal/dateFormat';
import {
  type CompiledReading,
  compileEnum,
  compileReadingWith,
  type DateFormatCompiler,
  DEFAULT_READING,
  readBoolean,
  readDate,
  readList,
  readNumber,
  readText,
} from '../internal/read';
import type { FactDeclaration, ReadingInput } from '../schema/reading';

/** What a declared fact's value could not be read as: the leaf is `unknown` and flags `unreadable:<path>`. */
export const UNREADABLE: unique symbol = Symbol('unreadable');

/** Turns a present value into what a declared fact's type reads it as, or {@link UNREADABLE}. */
export type PrepareFact = (raw: unknown) => unknown;

/** How one fact path is read: its reading (placeholders, …) and, for a declared type, how to convert it. */
export interface FactReading {
  readonly reading: CompiledReading;
  readonly prepare: PrepareFact | undefined;
}

/** How every fact path of a compilation is read. */
export interface FactReadings {
  /** The config's reading, which operators read numbers, booleans and dates by. */
  readonly global: CompiledReading;
  forPath(path: string): FactReading;
}

/** Reads an enum value: normalised text, through the aliases, one of `values` when they are given. */
function enumReader(declaration: FactDeclaration): PrepareFact {
  const toEnum = compileEnum(declaration.values, declaration.aliases);
  return (raw) => {
    const text = readText(raw);
    return text === undefined ? UNREADABLE : (toEnum(text) ?? UNREADABLE);
  };
}

/**
 * How a value of a declared type is read (conditions on declared facts, and field maps); `undefined` when
 * the value is tested as it is (no type, no values, no aliases).
 */
export function preparerFor(
  declaration: Pick<FactDeclaration, 'type' | 'values' | 'aliases'>,
  reading: CompiledReading,
): PrepareFact | undefined {
  switch (declaration.type) {
    case 'number':
      return (raw) => {
        const number = readNumber(raw, reading);
        return Number.isNaN(number) ? UNREADABLE : number;
      };
    case 'boolean':
      return (raw) => readBoolean(raw, reading) ?? UNREADABLE;
    case 'date':
      return (raw) => readDate(raw, reading) ?? UNREADABLE;
    case 'enum':
      return enumReader(declaration);
    case 'list':
      return (raw) => readList(raw) ?? UNREADABLE;
    case 'string':
      return (raw) => readText(raw)?.trim() ?? UNREADABLE;
    default:
      return declaration.values !== undefined || declaration.aliases !== undefined
        ? enumReader(declaration)
        : undefined;
  }
}

/**
 * The readings of a config: `read` for every fact, each declared fact's own settings on top of it.
 * Declared paths are looked up as own keys only (`constructor` is a path like any other).
 */
export function compileFactReadings(
  read: ReadingInput | undefined,
  facts: Readonly<Record<string, FactDeclaration>> | undefined,
): FactReadings {
  return compileFactReadingsWith(read, facts, compileDateFormat);
}

/**
 * {@link compileFactReadings} with the date-format compiler passed in (`undefined`: the config reads no
 * `dateFormat`), as generated modules call it, so that the others leave the date-format reader out.
 * @throws {TypeError} for a `dateFormat` without a compiler
 */
export function compileFactReadingsWith(
  read: ReadingInput | undefined,
  facts: Readonly<Record<string, FactDeclaration>> | undefined,
  dateFormats: DateFormatCompiler | undefined,
): FactReadings {
  const global = read === undefined ? DEFAULT_READING : compileReadingWith(read, undefined, dateFormats);
  const plain: FactReading = { reading: global, prepare: undefined };
  const declared = new Map<string, FactReading>();
  for (const [path, declaration] of Object.entries(facts ?? {})) {
    const reading = compileReadingWith(declaration, global, dateFormats);
    declared.set(path, { reading, prepare: preparerFor(declaration, reading) });
  }
  return { global, forPath: (path) => declared.get(path) ?? plain };
}

/** No `read`, no declared facts: the default reading for every path. */
export const DEFAULT_FACT_READINGS: FactReadings = /* @__PURE__ */ compileFactReadingsWith(
  undefined,
  undefined,
  undefined,
);
