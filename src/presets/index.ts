import type { Config } from '../schema/config';
import { agency } from './agency';
import { anum } from './anum';
import { bant } from './bant';
import { champ } from './champ';
import { consulting } from './consulting';
import { meddic } from './meddic';
import { saas } from './saas';

/**
 * The id of a built-in preset.
 *
 * @category Configs
 */
export type PresetId = 'bant' | 'saas' | 'consulting' | 'agency' | 'meddic' | 'champ' | 'anum';

/**
 * The built-in configs: the article's three contexts (`saas`, `consulting`, `agency`) and the
 * qualification frameworks (`bant`, `meddic`, `champ`, `anum`). Plain data, validated by the same
 * schema as your configs, each with embedded examples. Every preset has the stages `disqualified`
 * (exit: competitor or student), `SQO`, `SAL` and the fallback `unqualified`.
 *
 * @example
 * classify({ events: [{ type: 'ebook_download', at: '2026-06-01' }] }, presets.saas, { asOf: '2026-06-30' }).stage;
 * //=> 'SAL'
 *
 * @category Configs
 */
export const presets: Readonly<Record<PresetId, Config>> = {
  bant,
  saas,
  consulting,
  agency,
  meddic,
  champ,
  anum,
};

export { accountPresets, b2bAccount } from './b2bAccount';
export { agency, anum, bant, champ, consulting, meddic, saas };
