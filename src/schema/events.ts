/**
 * The canonical event types (DESIGN §2): marketing interest, hand-raises, sales conversations and
 * negative signals. The lint warns about an event type a config reads that is neither one of these nor
 * declared in the config's own `events`.
 *
 * @example
 * CANONICAL_EVENT_TYPES.includes('demo_completed');
 * //=> true
 *
 * @category Configs
 */
export const CANONICAL_EVENT_TYPES = [
  // marketing interest
  'newsletter_signup',
  'ebook_download',
  'webinar_registered',
  'webinar_attended',
  'content_engaged',
  'gated_content_viewed',
  'conference_attended',
  'linkedin_connected',
  'social_followed',
  'email_clicked',
  // any form submission (a CRM's conversion date): which form is not known, so not a hand-raise
  'form_submitted',
  // hand-raise / intent
  'contact_form_submitted',
  'demo_requested',
  'trial_started',
  'pricing_page_viewed',
  // sales conversations
  'demo_completed',
  'pricing_discussed',
  'proposal_requested',
  'discovery_call',
  'challenges_shared',
  'custom_solution_requested',
  'rfp_submitted',
  'workshop_attended',
  // negative signals
  'careers_page_viewed',
  'unsubscribed',
  'email_bounced',
] as const;
