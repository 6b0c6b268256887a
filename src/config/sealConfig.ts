import type { Config } from '../schema/config';
import { parseConfig } from './parseConfig';
import type { ParseConfigOptions } from './safeParseConfig';
import { configHash, sealFor } from './seal';

/**
 * A config checked by {@link sealConfig}, carrying the proof in `$seal`.
 *
 * @category Configs
 */
export type SealedConfig = Config & { readonly $seal: string };

/**
 * Checks a config — everything `parseConfig` checks — and returns a copy sealed with a hash of its
 * content in `$seal`. Do it at build time (or in CI), ship the JSON, and compile it in the browser or
 * at the edge with `compileSealed` from `leadstage/runtime`, which skips validation (and its ~15 KB)
 * but refuses a config that is unsealed or was changed after sealing. An old seal is replaced.
 *
 * The seal vouches that this library checked the content; it is a hash, not a signature: it catches
 * edits and mix-ups, not someone forging one on purpose.
 *
 * @param input - a config (parsed JSON or a preset)
 * @param options - operator table and limits to check with
 * @returns the config with `$seal`
 * @throws {ConfigError} listing every issue when the config is invalid
 *
 * @example
 * const sealed = sealConfig(presets.saas);
 * sealed.$seal;
 * //=> 'leadstage/1:…' (28 hex digits)
 * writeFileSync('saas.sealed.json', JSON.stringify(sealed));
 *
 * @category Configs
 */
export function sealConfig(input: unknown, options: ParseConfigOptions = {}): SealedConfig {
  const unsealed =
    input !== null && typeof input === 'object' && Object.hasOwn(input, '$seal')
      ? { ...(input as Record<string, unknown>), $seal: undefined }
      : input;
  const config = parseConfig(unsealed, options);
  const { $seal: _old, ...rest } = config;
  return { ...rest, $seal: sealFor(configHash(rest)) };
}
