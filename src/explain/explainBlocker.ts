import type { Blocker } from '../schema/result';
import type { ExplainOptions } from './explain';
import { blockerText, messagesFor } from './words';

/**
 * One blocker of `result.next` in words, as {@link explain} lists it under "to reach": what it is, its
 * status, the config's hint and what to collect (unknown) or check (unmet). The CLI's CRM write-back puts
 * the first blocker's here in `leadstage_next_ask`: one line a salesperson reads beside the lead.
 *
 * @param blocker - a blocker of a full result (`result.next.blockers[i]`)
 * @param options - `locale`: `en` (default) or `it`; pass the result's own (`result.locale`)
 * @returns one line of text
 *
 * @example
 * const result = classify({ events: [{ type: 'webinar_attended', at: '2026-06-10' }] }, presets.saas, { asOf: '2026-06-30' });
 * explainBlocker(result.next.blockers[0], { locale: result.locale });
 * //=> 'Purchase intent: demo, pricing or proposal — not met. Offer a tailored demo and a pricing conversation. (check: demo_completed or pricing_discussed or proposal_requested events)'
 *
 * @category Classify
 */
export function explainBlocker(blocker: Blocker, options: ExplainOptions = {}): string {
  return blockerText(blocker, messagesFor(options.locale ?? 'en'));
}
