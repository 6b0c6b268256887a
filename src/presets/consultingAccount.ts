import type { Condition } from '../schema/condition';
import { definePreset, type PresetConfig, presetGrades } from './shared';

// The consulting firm of the origin article, at account level. Why it differs from `b2b`:
// - A consulting engagement is sold to a **sponsor** (who owns the budget and signs: `decision_maker`) and the
//   **owner of the problem** (`champion`): the article's SQO signals — a discovery call, business challenges
//   shared in detail, a custom solution asked for — usually come from these two, not from a crowd of users. So
//   one member's discovery is enough engagement (no "two engaged members" as for software), but the sponsor
//   must be known.
// - The cycle is longer than for software: the lead preset `consulting` gives intent 120 days and interest
//   (conference, LinkedIn, thought leadership) 270; the account reads its members over the same windows.
// - The SAL of the article (a conference session, a LinkedIn connection, thought-leadership content) is an
//   account where someone shows interest: nurture it.
// - Budget at account level, as `b2b`: the accounts record's `budget.status`, or a member's.

/** A member's discovery in the last 120 days: the article's consulting SQO signals. */
const discovery: Condition = {
  event: ['discovery_call', 'challenges_shared', 'custom_solution_requested'],
  withinLast: { days: 120 },
};

/** A member's interest in the last 270 days: the article's consulting SAL signals, or a discovery. */
const interest: Condition = {
  event: [
    'conference_attended',
    'linkedin_connected',
    'content_engaged',
    'webinar_attended',
    'contact_form_submitted',
    'discovery_call',
    'challenges_shared',
    'custom_solution_requested',
  ],
  withinLast: { days: 270 },
};

/**
 * Consulting account (level `account`, the origin article's consulting firm): an SQO when the sponsor is known
 * (a decision maker among the members, and the problem owner, a champion), a member had a discovery call,
 * shared their challenges or asked for a custom solution in the last 120 days, a member is an SQO by the lead
 * config, and the budget is known; a SAL when a member showed interest in 270 days.
 */
export const consultingAccount: PresetConfig = /* @__PURE__ */ definePreset(() => ({
  version: 1,
  id: 'consulting-account',
  level: 'account',
  label: { en: 'Consulting account', it: 'Account di consulenza' },
  description: {
    en: 'A sponsor and a problem owner, a discovery in 120 days, an SQO among the members and a known budget make a consulting account an SQO.',
    it: 'Uno sponsor e un responsabile del problema, una discovery in 120 giorni, un SQO tra i membri e un budget noto fanno di un account di consulenza un SQO.',
  },
  criteria: {
    sponsor: {
      dimension: 'authority',
      label: {
        en: 'Sponsor and problem owner: decision maker and champion',
        it: 'Sponsor e responsabile del problema: decisore e champion',
      },
      hint: {
        en: 'Find who sponsors the engagement and who owns the problem',
        it: 'Trova chi sponsorizza l’incarico e chi è responsabile del problema',
      },
      when: { roles: { require: ['decision_maker', 'champion'] } },
    },
    discovery: {
      dimension: 'need',
      label: {
        en: 'A discovery in 120 days: call, challenges shared, custom solution asked',
        it: 'Una discovery in 120 giorni: call, sfide condivise, soluzione su misura richiesta',
      },
      hint: {
        en: 'Book a discovery call about their business challenges',
        it: 'Fissa una discovery call sulle loro sfide di business',
      },
      when: { members: { where: discovery } },
    },
    opportunity: {
      dimension: 'need',
      label: { en: 'A member is an SQO', it: 'Un membro è un SQO' },
      when: { members: { stage: 'SQO' } },
    },
    budget: {
      dimension: 'budget',
      label: { en: 'Budget known for the account', it: 'Budget noto per l’account' },
      hint: {
        en: 'Ask the sponsor for the budget of the engagement',
        it: 'Chiedi allo sponsor il budget dell’incarico',
      },
      when: {
        any: [
          { fact: 'account.budget.status', in: ['allocated', 'approved'] },
          { members: { where: { fact: 'budget.status', in: ['allocated', 'approved'] } } },
        ],
      },
    },
    interested: {
      dimension: 'engagement',
      label: {
        en: 'A member showed interest in 270 days',
        it: 'Un membro ha mostrato interesse in 270 giorni',
      },
      when: { members: { where: interest } },
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
        label: { en: 'Company of 50 people or more', it: 'Azienda da 50 persone in su' },
        group: 'fit',
        points: 20,
        when: { fact: 'account.employees', gte: 50 },
      },
      {
        id: 'sponsor',
        label: { en: 'Sponsor known', it: 'Sponsor noto' },
        group: 'fit',
        points: 20,
        when: { roles: { require: ['decision_maker'] } },
      },
      {
        id: 'discovery',
        label: { en: 'A discovery in 120 days', it: 'Una discovery in 120 giorni' },
        group: 'engagement',
        points: 30,
        when: { criterion: 'discovery' },
      },
      {
        id: 'members_engagement',
        label: { en: 'Members’ engagement adds up to 50', it: 'L’engagement dei membri arriva a 50' },
        group: 'engagement',
        points: 30,
        when: { members: { score: 'engagement', sum: { gte: 50 } } },
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
          // every SQO is SAL-worthy: a discovery is interest too
          { criterion: 'interested' },
          { criterion: 'sponsor' },
          { criterion: 'discovery' },
          { criterion: 'opportunity' },
          { criterion: 'budget' },
        ],
      },
      followUp: { within: { hours: 48 } },
      actions: [
        {
          en: 'Proposal meeting with the sponsor and the problem owner',
          it: 'Incontro di proposta con lo sponsor e il responsabile del problema',
        },
      ],
    },
    {
      id: 'SAL',
      when: { criterion: 'interested' },
      actions: [
        {
          en: 'Nurture: a case study or workshop invitation to the sponsor',
          it: 'Nurturing: un caso di studio o un invito a un workshop per lo sponsor',
        },
      ],
    },
    { id: 'unqualified' },
  ],
}));
