import type { Condition } from '../schema/condition';
import type { Config, Criterion, ScoringRule, Stage, Text } from '../schema/config';
import type { DurationInput } from '../schema/duration';

/** English and Italian (the source article is Italian). */
/** Presets are built inside a pure call, so a bundle that never reads them drops them whole. */
export function definePreset(build: () => Config): Config {
  return build();
}

export interface BantOptions {
  /** The smallest budget amount that counts as a budget, in the lead's currency. */
  readonly minimumBudget: number;
  /** How soon the purchase must be planned for the timeline to count. */
  readonly timeline: DurationInput;
}

/** "Status is not `none`", true when the status is absent: three-valued logic needs it spelt out. */
const budgetNotRefused: Condition = {
  any: [
    { fact: 'budget.status', exists: false },
    { fact: 'budget.status', ne: 'none' },
  ],
};

/** Budget, Authority, Need, Timeline, as the article names them. */
export function bantCriteria(options: BantOptions): Record<string, Criterion> {
  return {
    budget: {
      dimension: 'budget',
      label: { en: 'Budget available', it: 'Budget disponibile' },
      when: {
        any: [
          { fact: 'budget.status', in: ['allocated', 'approved'] },
          { all: [{ fact: 'budget.amount', gte: options.minimumBudget }, budgetNotRefused] },
        ],
      },
      hint: {
        en: 'Ask for the budget range and who signs off',
        it: 'Chiedi la fascia di budget e chi approva la spesa',
      },
    },
    authority: {
      dimension: 'authority',
      label: { en: 'Decision authority', it: 'Autorità decisionale' },
      when: {
        any: [
          { fact: 'authority.role', eq: 'decision_maker' },
          { fact: 'contact.seniority', in: ['c_level', 'vp'] },
        ],
      },
      hint: {
        en: 'Find out who decides, and get them into the conversation',
        it: 'Scopri chi decide e coinvolgilo nella conversazione',
      },
    },
    need: {
      dimension: 'need',
      label: { en: 'Clear need', it: 'Esigenza chiara' },
      when: {
        any: [
          { fact: 'need.painPoints.length', gte: 1 },
          { fact: 'need.severity', in: ['medium', 'high'] },
        ],
      },
      hint: {
        en: 'Ask which problem they need solved, and how much it hurts',
        it: 'Chiedi quale problema devono risolvere e quanto pesa',
      },
    },
    timeline: {
      dimension: 'timeline',
      label: { en: 'Purchase timeline', it: 'Tempistica di acquisto' },
      when: { fact: 'timeline.purchaseBy', withinNext: options.timeline },
      hint: { en: 'Ask by when they intend to buy', it: 'Chiedi entro quando intendono acquistare' },
    },
  };
}

/** The knock-outs every preset shares: competitors and students. */
export const knockOutCriteria: Record<string, Criterion> = {
  competitor: {
    dimension: 'fit',
    label: { en: 'Works for a competitor', it: 'Lavora per un concorrente' },
    when: { fact: 'company.isCompetitor', eq: true },
  },
  student: {
    dimension: 'fit',
    label: { en: 'Student', it: 'Studente' },
    when: { fact: 'contact.seniority', eq: 'student' },
  },
};

/** An events criterion: any of `types` within `days`. */
export function signals(
  dimension: string,
  label: Text,
  types: readonly string[],
  days: number,
  hint?: Text,
): Criterion {
  return {
    dimension,
    label,
    when: { event: [...types], withinLast: { days } },
    ...(hint === undefined ? {} : { hint }),
  };
}

/** Fit and behaviour points shared by the presets: seniority, size, negative signals. */
export const commonRules: readonly ScoringRule[] = [
  {
    id: 'senior_contact',
    label: { en: 'C-level or VP contact', it: 'Contatto C-level o VP' },
    group: 'fit',
    points: 15,
    when: { fact: 'contact.seniority', in: ['c_level', 'vp'] },
  },
  {
    id: 'director_contact',
    label: { en: 'Director contact', it: 'Contatto director' },
    group: 'fit',
    points: 10,
    when: { fact: 'contact.seniority', eq: 'director' },
  },
  {
    id: 'budget_known',
    label: { en: 'Budget available', it: 'Budget disponibile' },
    group: 'fit',
    points: 10,
    when: { criterion: 'budget' },
  },
  {
    id: 'decision_maker',
    label: { en: 'Decision authority', it: 'Autorità decisionale' },
    group: 'fit',
    points: 5,
    when: { criterion: 'authority' },
  },
  {
    id: 'careers_page',
    label: {
      en: 'Looked at job openings (likely a job seeker)',
      it: 'Ha visitato le offerte di lavoro (probabile candidato)',
    },
    group: 'engagement',
    points: -10,
    event: 'careers_page_viewed',
    withinLast: { days: 30 },
  },
  {
    id: 'unsubscribed',
    label: { en: 'Unsubscribed', it: 'Disiscritto' },
    group: 'engagement',
    points: -15,
    event: 'unsubscribed',
  },
];

export const scoringGroups = {
  fit: { label: { en: 'Fit', it: 'Affinità' }, min: 0, max: 40 },
  engagement: { label: { en: 'Engagement', it: 'Coinvolgimento' }, min: 0, max: 60 },
} as const;

/**
 * The presets' grades, at 75 / 50 / 25 % of each score's range (the thresholds of the issue's 0–100
 * example, scaled). Fit runs 0–40 (the group's cap): A ≥ 30 — a director or senior contact at a company of
 * the right size with a known budget (sector presets), every fit signal of a framework preset (they have no
 * size rule: at most 30); B ≥ 20, two signals; C ≥ 10, one; D below. Engagement runs 0–60 (its cap):
 * 1 ≥ 45, two sales conversations (demo and pricing); 2 ≥ 30, a sales conversation and more; 3 ≥ 15, a
 * hand-raise, the engagement that already makes a SAL; 4 below.
 */
export const presetGrades = {
  fit: { A: 30, B: 20, C: 10 },
  engagement: { 1: 45, 2: 30, 3: 15 },
} as const;

export interface LadderOptions {
  /** The SQO condition (intent + BANT, or the framework's own). */
  readonly sqo: Condition;
  /** The SAL condition: interest shown. */
  readonly sal: Condition;
}

/** disqualified (exit) → SQO → SAL → unqualified, with the article's actions and prompt SQO follow-up. */
export function ladder(options: LadderOptions): Stage[] {
  return [
    {
      id: 'disqualified',
      label: { en: 'Disqualified', it: 'Squalificato' },
      exit: true,
      when: { any: [{ criterion: 'competitor' }, { criterion: 'student' }] },
    },
    {
      id: 'SQO',
      label: { en: 'Sales qualified opportunity', it: 'Opportunità di vendita qualificata' },
      when: options.sqo,
      followUp: { within: { hours: 24 } },
      actions: [
        { en: 'Personal outreach from sales, today', it: 'Contatto personale dalle vendite, oggi' },
        { en: 'Tailored demo or in-depth consultation', it: 'Demo su misura o consulenza approfondita' },
      ],
    },
    {
      id: 'SAL',
      label: { en: 'Sales accepted lead', it: 'Lead accettato per la vendita' },
      when: options.sal,
      followUp: { within: { days: 7 } },
      actions: [
        {
          en: 'Nurture: targeted content and personal email campaigns',
          it: 'Nurturing: contenuti mirati e campagne email personalizzate',
        },
        {
          en: 'Qualify: ask about budget, authority, need and timeline',
          it: 'Qualifica: chiedi budget, autorità, esigenza e tempistica',
        },
      ],
    },
    { id: 'unqualified', label: { en: 'Unqualified', it: 'Non qualificato' } },
  ];
}

/** Requires a criterion list to be all met. */
export const allOf = (...criteria: string[]): Condition => ({
  all: criteria.map((criterion) => ({ criterion })),
});

export type PresetConfig = Config;

/** Purchase intent for the framework presets: a hand-raise or a sales conversation in 90 days. */
export const genericIntent: Criterion = /* @__PURE__ */ signals(
  'intent',
  {
    en: 'Purchase intent: hand-raise or sales conversation',
    it: 'Intento d’acquisto: richiesta esplicita o conversazione di vendita',
  },
  [
    'contact_form_submitted',
    'demo_requested',
    'trial_started',
    'demo_completed',
    'pricing_discussed',
    'proposal_requested',
    'discovery_call',
    'custom_solution_requested',
    'rfp_submitted',
    'workshop_attended',
  ],
  90,
  { en: 'Offer a conversation with sales', it: 'Proponi una conversazione con le vendite' },
);

/** Marketing interest for the framework presets, in 180 days. */
export const genericInterest: Criterion = /* @__PURE__ */ signals(
  'engagement',
  { en: 'Marketing interest', it: 'Interesse verso il marketing' },
  [
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
    'pricing_page_viewed',
  ],
  180,
);

/** Engagement points for the framework presets. */
export const genericEngagementRules: readonly ScoringRule[] = [
  {
    id: 'sales_conversation',
    label: { en: 'Sales conversation', it: 'Conversazione di vendita' },
    group: 'engagement',
    points: 25,
    event: [
      'demo_completed',
      'pricing_discussed',
      'proposal_requested',
      'discovery_call',
      'custom_solution_requested',
      'rfp_submitted',
      'workshop_attended',
    ],
    halfLife: { days: 30 },
    repeat: { max: 2 },
  },
  {
    id: 'hand_raise',
    label: { en: 'Hand-raise', it: 'Richiesta esplicita' },
    group: 'engagement',
    points: 15,
    event: ['contact_form_submitted', 'demo_requested', 'trial_started'],
    halfLife: { days: 30 },
  },
  {
    id: 'marketing_interest',
    label: { en: 'Marketing interest', it: 'Interesse verso il marketing' },
    group: 'engagement',
    points: 3,
    event: [
      'newsletter_signup',
      'ebook_download',
      'webinar_attended',
      'content_engaged',
      'gated_content_viewed',
      'conference_attended',
      'email_clicked',
    ],
    withinLast: { days: 180 },
    repeat: { max: 5 },
  },
];

export interface SectorOptions {
  readonly id: string;
  readonly label: Text;
  readonly description: Text;
  /** The context's SQO signals (the article's table), a hand-raise, and its SAL signals. */
  readonly intent: Criterion;
  readonly handRaise: Criterion;
  readonly interest: Criterion;
  readonly bant: BantOptions;
  readonly rules: readonly ScoringRule[];
  readonly examples: NonNullable<Config['examples']>;
}

/** What every preset is made of: its own criteria, BANT, the knock-outs, scoring, and the ladder. */
interface PresetParts {
  readonly id: string;
  readonly label: Text;
  readonly description: Text;
  /** Criteria before the BANT ones (signals) and after them (the framework's own). */
  readonly signals: Record<string, Criterion>;
  readonly extra?: Record<string, Criterion>;
  readonly bant: BantOptions;
  readonly rules: readonly ScoringRule[];
  readonly sqo: Condition;
  /** Criteria any of which, or engagement ≥ 15, makes a SAL. */
  readonly sal: readonly string[];
  readonly examples: NonNullable<Config['examples']>;
}

function assemble(parts: PresetParts): Config {
  return {
    version: 1,
    id: parts.id,
    label: parts.label,
    description: parts.description,
    criteria: { ...parts.signals, ...bantCriteria(parts.bant), ...parts.extra, ...knockOutCriteria },
    scoring: { groups: scoringGroups, max: 100, rules: [...parts.rules] },
    stages: ladder({
      sqo: parts.sqo,
      sal: { any: [...parts.sal.map((criterion) => ({ criterion })), { score: 'engagement', gte: 15 }] },
    }),
    grades: presetGrades,
    examples: parts.examples,
  };
}

/**
 * One of the article's contexts: SQO is its intent signals **and** budget, authority, need and
 * timeline all met; SAL is intent, a hand-raise, interest, or engagement ≥ 15.
 */
export function sectorPreset(options: SectorOptions): Config {
  const { intent, handRaise, interest, ...rest } = options;
  return assemble({
    ...rest,
    signals: { intent, handRaise, interest },
    sqo: allOf('intent', 'budget', 'authority', 'need', 'timeline'),
    sal: ['intent', 'handRaise', 'interest'],
  });
}

export interface FrameworkOptions {
  readonly id: string;
  readonly label: Text;
  readonly description: Text;
  /** Criteria of the framework, beside the BANT ones the shared scoring reads. */
  readonly criteria: Record<string, Criterion>;
  readonly sqo: Condition;
  readonly timeline: DurationInput;
  readonly examples: NonNullable<Config['examples']>;
}

/** A qualification framework (BANT, MEDDIC, CHAMP, ANUM) on the shared ladder and scoring. */
export function frameworkPreset(options: FrameworkOptions): Config {
  return assemble({
    ...options,
    signals: { intent: genericIntent, interest: genericInterest },
    extra: options.criteria,
    bant: { minimumBudget: 5000, timeline: options.timeline },
    rules: [...commonRules, ...genericEngagementRules],
    sal: ['intent', 'interest'],
  });
}

/** A lead every framework preset finds unqualified, and one each disqualifies. */
export const commonExamples: NonNullable<Config['examples']> = [
  {
    name: 'nothing known',
    asOf: '2026-06-30T12:00:00Z',
    lead: {},
    expect: { stage: 'unqualified', scores: { total: 0 } },
  },
  {
    name: 'a competitor is disqualified',
    asOf: '2026-06-30T12:00:00Z',
    lead: {
      company: { isCompetitor: true },
      events: [{ type: 'demo_completed', at: '2026-06-20T10:00:00Z' }],
    },
    expect: { stage: 'disqualified' },
  },
  {
    name: 'a student is disqualified',
    asOf: '2026-06-30T12:00:00Z',
    lead: { contact: { seniority: 'student' } },
    expect: { stage: 'disqualified' },
  },
  {
    name: 'a webinar alone makes a SAL',
    asOf: '2026-06-30T12:00:00Z',
    lead: { events: [{ type: 'webinar_attended', at: '2026-06-10T16:00:00Z' }] },
    expect: { stage: 'SAL' },
  },
];
