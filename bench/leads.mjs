// A seeded generator of realistic leads: BANT facts mostly unknown, 0–20 events over the last year,
// a few percent knock-outs. The same seed gives the same leads, run after run.

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const AS_OF = '2026-06-30T12:00:00Z';
const AS_OF_MS = Date.parse(AS_OF);
const DAY = 86_400_000;

// Weighted towards marketing interest, as real funnels are.
const EVENT_TYPES = [
  ['newsletter_signup', 8],
  ['ebook_download', 8],
  ['webinar_registered', 6],
  ['webinar_attended', 6],
  ['content_engaged', 10],
  ['gated_content_viewed', 5],
  ['email_clicked', 12],
  ['pricing_page_viewed', 6],
  ['social_followed', 4],
  ['linkedin_connected', 3],
  ['conference_attended', 2],
  ['contact_form_submitted', 2],
  ['demo_requested', 2],
  ['trial_started', 2],
  ['demo_completed', 2],
  ['pricing_discussed', 1.5],
  ['proposal_requested', 1],
  ['discovery_call', 1],
  ['careers_page_viewed', 2],
  ['unsubscribed', 1],
  ['email_bounced', 1],
];
const TOTAL_WEIGHT = EVENT_TYPES.reduce((sum, [, weight]) => sum + weight, 0);

const pick = (next, list) => list[Math.floor(next() * list.length)];

function eventType(next) {
  let roll = next() * TOTAL_WEIGHT;
  for (const [type, weight] of EVENT_TYPES) {
    roll -= weight;
    if (roll <= 0) return type;
  }
  return EVENT_TYPES[0][0];
}

/**
 * `count` leads from `seed`; `events` fixes how many events each lead has (default: 0–20, and 10 % of
 * leads without an `events` array).
 */
export function generateLeads(count, seed = 42, { events: fixedEvents } = {}) {
  const next = random(seed);
  const leads = [];
  for (let index = 0; index < count; index++) {
    const lead = { id: `lead-${index}` };
    const roll = next();
    if (roll < 0.02) lead.company = { isCompetitor: true };
    else lead.company = { employees: Math.floor(next() * 8000), isCompetitor: false };
    if (next() < 0.6)
      lead.contact = {
        seniority:
          next() < 0.02 ? 'student' : pick(next, ['c_level', 'vp', 'director', 'manager', 'individual']),
      };
    if (next() < 0.3)
      lead.budget = {
        status: pick(next, ['unknown', 'none', 'exploring', 'allocated', 'approved']),
        ...(next() < 0.5 ? { amount: Math.floor(next() * 50_000) } : {}),
      };
    if (next() < 0.25)
      lead.authority = { role: pick(next, ['decision_maker', 'champion', 'influencer', 'user', 'unknown']) };
    if (next() < 0.3)
      lead.need =
        next() < 0.5
          ? { painPoints: next() < 0.8 ? ['reporting'] : [] }
          : { severity: pick(next, ['low', 'medium', 'high']) };
    if (next() < 0.2)
      lead.timeline = {
        purchaseBy: new Date(AS_OF_MS + Math.floor((next() * 400 - 60) * DAY)).toISOString().slice(0, 10),
      };
    const events = [];
    const drawn = Math.floor(next() * 21);
    const eventCount = fixedEvents ?? drawn;
    for (let e = 0; e < eventCount; e++) {
      events.push({
        type: eventType(next),
        at: new Date(AS_OF_MS - Math.floor(next() * 365 * DAY)).toISOString(),
      });
    }
    // ~6% are in a sales conversation: sales has asked BANT questions and logged recent meetings
    if (next() < 0.06) {
      lead.budget = {
        status: pick(next, ['exploring', 'allocated', 'approved', 'approved']),
        amount: Math.floor(next() * 80_000),
      };
      lead.authority = { role: pick(next, ['decision_maker', 'decision_maker', 'champion', 'influencer']) };
      lead.need = {
        painPoints: ['reporting', 'churn'].slice(0, 1 + Math.floor(next() * 2)),
        severity: pick(next, ['medium', 'high']),
      };
      if (next() < 0.8)
        lead.timeline = {
          purchaseBy: new Date(AS_OF_MS + Math.floor(next() * 240 * DAY)).toISOString().slice(0, 10),
        };
      events.push({
        type: pick(next, ['demo_completed', 'pricing_discussed', 'proposal_requested']),
        at: new Date(AS_OF_MS - Math.floor(next() * 60 * DAY)).toISOString(),
      });
    }
    if (next() < 0.9 || fixedEvents !== undefined) lead.events = events;
    leads.push(lead);
  }
  return leads;
}

/**
 * `count` leads generated 100 at a time: a source of any size in constant memory, whose leads die young
 * (as rows of a streamed file do) rather than waiting in a big chunk long enough to reach the old space.
 */
export function* leadStream(count, seed = 42) {
  for (let start = 0; start < count; start += 100) {
    const chunk = generateLeads(Math.min(100, count - start), seed + start);
    for (let index = 0; index < chunk.length; index++) {
      chunk[index].id = `lead-${start + index}`;
      yield chunk[index];
    }
  }
}
