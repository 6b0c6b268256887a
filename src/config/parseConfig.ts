import { ConfigError } from '../schema/ConfigError';
import type { Config } from '../schema/config';
import { checkConfigInput, type ParseConfigOptions } from './safeParseConfig';

/**
 * Validates a config and returns it typed. Reports **every** issue at once.
 *
 * @param input - the config as parsed JSON
 * @param options - operator table and limits
 * @returns the config
 * @throws {ConfigError} listing every issue, each with its JSON path, what was expected and what was received
 *
 * @example
 * parseConfig({ version: 1, id: 'tiny', criteria: {}, stages: [{ id: 'unqualified' }] }).id;
 * //=> 'tiny'
 *
 * @category Configs
 */
export function parseConfig(input: unknown, options: ParseConfigOptions = {}): Config {
  const result = checkConfigInput(input, options);
  if (!result.success) throw new ConfigError(result.issues);
  return result.config;
}
