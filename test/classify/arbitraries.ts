import fc from 'fast-check';

/** Lead-shaped objects with messy values anywhere: what a CRM export or a request body can hold. */
const eventType = fc.constantFrom(
  'demo_completed',
  'webinar_attended',
  'newsletter_signup',
  'careers_page_viewed',
  'rfp_submitted',
  'x',
);
const messyValue = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.integer(),
  fc.constantFrom('', 'true', '12,000', '2026-02-30', '2026-06-01'),
);
export const leadShaped = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer()),
    contact: fc.oneof(
      messyValue,
      fc.record({ seniority: fc.oneof(messyValue, fc.constantFrom('vp', 'student')) }),
    ),
    company: fc.oneof(messyValue, fc.record({ isCompetitor: messyValue, employees: messyValue })),
    budget: fc.oneof(
      messyValue,
      fc.record({ status: fc.oneof(messyValue, fc.constantFrom('approved', 'none')), amount: messyValue }),
    ),
    timeline: fc.oneof(messyValue, fc.record({ purchaseBy: messyValue })),
    need: fc.oneof(messyValue, fc.record({ painPoints: fc.oneof(messyValue, fc.array(fc.string())) })),
    events: fc.oneof(
      messyValue,
      fc.array(
        fc.record({
          type: fc.oneof(eventType, messyValue),
          at: fc.oneof(
            fc
              .date({ noInvalidDate: false })
              .map((date) => (Number.isNaN(date.getTime()) ? 'bad' : date.toISOString())),
            messyValue,
          ),
          props: messyValue,
        }),
        { maxLength: 25 },
      ),
    ),
  },
  { requiredKeys: [] },
);
export const asOf = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') });
