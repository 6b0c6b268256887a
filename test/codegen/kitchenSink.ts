// A config that uses every construct the generator emits: declared fact types, placeholders, every operator
// kind, atLeast / not / is, event counts and where filters, decayed and repeating rules, group and total caps,
// texts in several locales (labels, hints, actions, rule, fact and event labels) and a criterion on a score.
export const kitchen: Record<string, unknown> = {
  version: 1,
  id: 'kitchen',
  read: { missing: ['N/A', 'Select'] },
  facts: {
    'custom.size': { type: 'number', label: { en: 'Company size', de: 'Firmengröße' } },
    'custom.tier': { type: 'enum', values: ['gold', 'silver', 'bronze'], aliases: { platinum: 'gold' } },
    'custom.flag': { type: 'boolean' },
    'custom.when': { type: 'date' },
    'custom.tags': { type: 'list' },
  },
  events: {
    custom_ping: { label: { en: 'Ping', fr: 'Ping (fr)' } },
    email_clicked: { label: 'Email click' },
  },
  criteria: {
    big: {
      label: { en: 'Big company', de: 'Großes Unternehmen', pt: 'Empresa grande' },
      hint: { en: 'Ask for the head count', de: 'Nach der Mitarbeiterzahl fragen' },
      dimension: 'fit',
      when: {
        any: [
          { fact: 'custom.size', gte: 100 },
          { fact: 'company.employees', between: [50, 10000] },
        ],
      },
    },
    tier: { label: 'Tier', hint: 'Ask the tier', when: { fact: 'custom.tier', in: ['gold', 'silver'] } },
    engagedScore: { label: { de: 'Engagiert', en: 'Engaged' }, when: { score: 'engagement', gte: 20 } },
    flagged: { when: { fact: 'custom.flag', eq: true } },
    soon: { when: { fact: 'custom.when', withinNext: { days: 30 } } },
    old: { when: { fact: 'createdAt', olderThan: { months: 6 } } },
    email: {
      when: {
        all: [
          { fact: 'contact.email', matches: { pattern: '@(acme|globex)\\.com$', flags: 'i' } },
          { fact: 'contact.email', endsWith: '.com' },
        ],
      },
    },
    title: {
      when: {
        any: [
          { fact: 'contact.title', startsWith: 'VP' },
          { fact: 'contact.title', contains: 'Head' },
        ],
      },
    },
    tags: { when: { fact: 'custom.tags', containsAny: ['urgent', 'hot'] } },
    pains: { when: { fact: 'need.painPoints', containsAll: ['cost', 'speed'] } },
    country: { when: { fact: 'company.country', notIn: ['XX', 'YY'], ne: 'ZZ' } },
    noCompetitor: { when: { not: { fact: 'company.isCompetitor', eq: true } } },
    // ne of a boolean and of a number, inlined for their own type (booleans, finite numbers) by the generator
    optedIn: { when: { fact: 'consent.optedOut', ne: true } },
    flagSet: { when: { fact: 'custom.flag', ne: false } },
    notRated: { when: { fact: 'company.rating', ne: 42 } },
    pings: {
      when: { event: ['custom_ping', 'email_clicked'], withinLast: { days: 30 }, count: { gte: 2, lte: 5 } },
    },
    bigDemo: {
      when: {
        event: 'demo_completed',
        where: { attendees: { gte: 3 }, plan: { in: ['pro', 'enterprise'] } },
      },
    },
    recentStart: { when: { fact: 'createdAt', after: '2025-01-01', before: '2030-01-01' } },
    nameLen: { when: { fact: 'contact.name.length', gt: 2 } },
    hasPhone: { when: { fact: 'contact.phone', exists: true } },
    noFax: { when: { fact: 'contact.fax', exists: false } },
    amount: { when: { fact: 'budget.amount', gt: 1000, lt: 1000000 } },
    status: { when: { fact: 'budget.status', eq: 'approved' } },
    role: { when: { fact: 'authority.role', eq: 'decision_maker' } },
  },
  scoring: {
    groups: { fit: { max: 40 }, engagement: { max: 60, min: -10 } },
    max: 100,
    rules: [
      { id: 'big', label: { en: 'Big', de: 'Groß' }, group: 'fit', points: 20, when: { criterion: 'big' } },
      { id: 'tier', group: 'fit', points: 15, when: { criterion: 'tier' } },
      {
        id: 'demo',
        label: 'Demo',
        group: 'engagement',
        points: 30,
        event: 'demo_completed',
        halfLife: { days: 30 },
      },
      {
        id: 'web',
        group: 'engagement',
        points: 5,
        event: 'webinar_attended',
        repeat: { max: 3 },
        halfLife: { days: 60 },
      },
      { id: 'ping', group: 'engagement', points: 2, event: 'custom_ping', repeat: { max: 10 } },
      {
        id: 'careers',
        group: 'engagement',
        points: -10,
        event: 'careers_page_viewed',
        withinLast: { days: 30 },
      },
    ],
  },
  stages: [
    {
      id: 'disqualified',
      exit: true,
      when: { any: [{ not: { criterion: 'noCompetitor' } }, { fact: 'contact.seniority', eq: 'student' }] },
    },
    {
      id: 'SQO',
      label: { en: 'Sales qualified', de: 'Vertriebsqualifiziert' },
      actions: [{ en: 'Call', de: 'Anrufen' }, 'Book a demo'],
      followUp: { within: { hours: 24 } },
      when: {
        all: [
          {
            atLeast: 3,
            of: [
              { criterion: 'big' },
              { criterion: 'tier' },
              { criterion: 'flagged' },
              { criterion: 'email' },
              { criterion: 'amount' },
            ],
          },
          { score: 'total', gte: 40 },
          { criterion: 'bigDemo' },
        ],
      },
    },
    {
      id: 'needsData',
      when: {
        all: [
          { criterion: 'big', is: 'unknown' },
          { criterion: 'tier', is: 'unknown' },
        ],
      },
    },
    {
      id: 'SAL',
      label: { fr: 'Accepté', en: 'Sales accepted' },
      actions: ['Nurture'],
      when: {
        any: [
          { criterion: 'pings' },
          { score: 'engagement', gte: 10 },
          { criterion: 'soon' },
          { criterion: 'title' },
          { criterion: 'tags' },
          { criterion: 'pains' },
          { criterion: 'country' },
          { criterion: 'old' },
          { criterion: 'recentStart' },
          { criterion: 'nameLen' },
          { criterion: 'hasPhone' },
          { criterion: 'noFax' },
          { criterion: 'status' },
          { criterion: 'role' },
          { criterion: 'engagedScore' },
        ],
      },
    },
    { id: 'unqualified' },
  ],
};
