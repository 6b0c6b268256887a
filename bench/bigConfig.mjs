// The large config bench/run.mjs and bench/ab.mjs time compile on.
/** A config of 200 criteria (facts, events, regexes, dates), 50 scoring rules and a 100-of-200 stage. */
export const bigConfig = {
  version: 1,
  id: 'big',
  criteria: Object.fromEntries(
    Array.from({ length: 200 }, (_, index) => [
      `c${index}`,
      {
        label: `Criterion ${index}`,
        when:
          index % 3 === 0
            ? {
                all: [
                  { fact: `custom.f${index}`, gte: index },
                  { fact: 'budget.status', in: ['allocated', 'approved'] },
                ],
              }
            : index % 3 === 1
              ? {
                  event: ['demo_completed', 'webinar_attended'],
                  withinLast: { days: index + 1 },
                  count: { gte: 1 },
                }
              : {
                  any: [
                    { fact: `custom.s${index}`, matches: '^(?:vp|head) of' },
                    { fact: 'timeline.purchaseBy', withinNext: { days: 90 } },
                  ],
                },
      },
    ]),
  ),
  scoring: {
    rules: Array.from({ length: 50 }, (_, index) => ({
      id: `r${index}`,
      points: 1,
      when: { criterion: `c${index}` },
    })),
  },
  stages: [
    {
      id: 'top',
      when: { atLeast: 100, of: Array.from({ length: 200 }, (_, index) => ({ criterion: `c${index}` })) },
    },
    { id: 'rest' },
  ],
};

/** A config like {@link bigConfig} with `count` criteria, a quarter of them scored, and an all-of-half stage. */
export function configOfSize(count) {
  const ids = Object.keys(bigConfig.criteria).slice(0, count);
  return {
    ...bigConfig,
    id: `size-${count}`,
    criteria: Object.fromEntries(ids.map((id) => [id, bigConfig.criteria[id]])),
    scoring: { rules: bigConfig.scoring.rules.slice(0, Math.ceil(count / 4)) },
    stages: [
      { id: 'top', when: { atLeast: Math.ceil(count / 2), of: ids.map((id) => ({ criterion: id })) } },
      { id: 'rest' },
    ],
  };
}
