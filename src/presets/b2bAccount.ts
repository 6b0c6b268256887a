import type { Condition } from '../schema/condition';
import type { Config } from '../schema/config';
import { consultingAccount } from './consultingAccount';
import { definePreset, type PresetConfig, presetGrades } from './shared';

/** A member who engaged in the last 90 days: a conversation with sales, a hand-raise, or content. */
const engagedMember: Condition = {
  event: [
    'demo_completed',
    'pricing_discussed',
    'proposal_requested',
    'discovery_call',
    'workshop_attended',
    'demo_requested',
    'trial_started',
    'contact_form_submitted',
    'pricing_page_viewed',
    'webinar_attended',
    'content_engaged',
    'email_clicked',
  ],
  withinLast: { days: 90 },
};

/**
 * B2B account (level `account`): an account is an SQO when its buying group is there — a decision maker and a
 * champion among its members — two members engaged in the last 90 days, one of them an SQO by the lead
 * config, and a budget known at account level (the accounts record's `budget.status`, or a member's).
 * Use it with any lead preset: `classifyAccount(account, accountPresets.b2b, { asOf, leadConfig: presets.saas })`.
 */
export const b2bAccount: PresetConfig = /* @__PURE__ */ definePreset(() => ({
  version: 1,
  id: 'b2b-account',
  level: 'account',
  label: { en: 'B2B account', it: 'Account B2B' },
  description: {
    en: 'A buying group (decision maker and champion), two members engaged in 90 days, an SQO among them and a known budget make an account an SQO.',
    it: 'Un gruppo d’acquisto (decisore e champion), due membri attivi in 90 giorni, un SQO tra loro e un budget noto fanno di un account un SQO.',
  },
  criteria: {
    buying_group: {
      dimension: 'authority',
      label: {
        en: 'Buying group: decision maker and champion',
        it: 'Gruppo d’acquisto: decisore e champion',
      },
      hint: {
        en: 'Map the buying group: who signs, who champions the purchase',
        it: 'Mappa il gruppo d’acquisto: chi firma, chi sostiene l’acquisto',
      },
      when: { roles: { require: ['decision_maker', 'champion'] } },
    },
    engaged: {
      dimension: 'engagement',
      label: { en: 'Two members engaged in 90 days', it: 'Due membri attivi in 90 giorni' },
      hint: { en: 'Bring a second contact into the conversation', it: 'Coinvolgi un secondo contatto' },
      when: { members: { where: engagedMember, count: { gte: 2 } } },
    },
    opportunity: {
      dimension: 'need',
      label: { en: 'A member is an SQO', it: 'Un membro è un SQO' },
      when: { members: { stage: 'SQO' } },
    },
    budget: {
      dimension: 'budget',
      label: { en: 'Budget known for the account', it: 'Budget noto per l’account' },
      hint: { en: 'Ask finance for the budget range', it: 'Chiedi all’amministrazione il budget' },
      when: {
        any: [
          { fact: 'account.budget.status', in: ['allocated', 'approved'] },
          { members: { where: { fact: 'budget.status', in: ['allocated', 'approved'] } } },
        ],
      },
    },
    active: {
      dimension: 'engagement',
      label: { en: 'A member engaged in 90 days', it: 'Un membro attivo in 90 giorni' },
      when: { members: { where: engagedMember } },
    },
    competitor: {
      label: { en: 'A competitor', it: 'Un concorrente' },
      when: { fact: 'account.isCompetitor', eq: true },
    },
  },
  scoring: {
    groups: { fit: { max: 40 }, engagement: { max: 60 } },
    max: 100,
    rules: [
      {
        id: 'size',
        label: { en: 'Company of 50 to 10,000 people', it: 'Azienda da 50 a 10.000 persone' },
        group: 'fit',
        points: 20,
        when: { fact: 'account.employees', between: [50, 10000] },
      },
      {
        id: 'decision_maker',
        label: { en: 'Decision maker known', it: 'Decisore noto' },
        group: 'fit',
        points: 20,
        when: { roles: { require: ['decision_maker'] } },
      },
      {
        id: 'engaged_members',
        label: { en: 'Two engaged members', it: 'Due membri attivi' },
        group: 'engagement',
        points: 30,
        when: { criterion: 'engaged' },
      },
      {
        id: 'members_engagement',
        label: { en: 'Members’ engagement adds up to 60', it: 'L’engagement dei membri arriva a 60' },
        group: 'engagement',
        points: 30,
        when: { members: { score: 'engagement', sum: { gte: 60 } } },
      },
    ],
  },
  // the lead presets' grades: an account's fit and engagement run over the same 0–40 and 0–60
  grades: presetGrades,
  stages: [
    { id: 'disqualified', exit: true, when: { criterion: 'competitor' } },
    {
      id: 'SQO',
      when: {
        all: [
          { criterion: 'active' },
          { criterion: 'buying_group' },
          { criterion: 'engaged' },
          { criterion: 'opportunity' },
          { criterion: 'budget' },
        ],
      },
      followUp: { within: { hours: 24 } },
      actions: [{ en: 'Account plan with the buying group', it: 'Piano d’account con il gruppo d’acquisto' }],
    },
    {
      id: 'SAL',
      when: { criterion: 'active' },
      actions: [
        { en: 'Multi-thread: reach a second contact', it: 'Allarga il contatto a una seconda persona' },
      ],
    },
    { id: 'unqualified' },
  ],
}));

/**
 * The built-in account configs (`level: 'account'`), for {@link classifyAccount}: `b2b`, a buying group of
 * decision maker and champion, two members engaged within 90 days, an SQO among them, and a budget known at
 * account level; `consulting`, the origin article's consulting firm: the sponsor and the problem owner, a
 * discovery (call, challenges shared, custom solution asked) in 120 days, an SQO member and a known budget.
 *
 * @example
 * accountPresets.b2b.level;
 * //=> 'account'
 *
 * @category Accounts
 */
export const accountPresets: Readonly<{ b2b: Config; consulting: Config }> = {
  b2b: b2bAccount,
  consulting: consultingAccount,
};
