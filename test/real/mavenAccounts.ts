// The Maven pipeline's accounts, as test/real/accounts.test.ts and test/cli/accountsReal.test.ts read them.
import type { Config, FieldMap } from '../../src/index';

export const map: FieldMap = {
  version: 1,
  id: 'maven-opportunities',
  fields: [
    { from: 'opportunity_id', to: 'id' },
    { from: 'account', to: 'accountId' },
    { from: 'deal_stage', to: 'custom.dealStage' },
    { from: 'product', to: 'custom.product' },
  ],
  events: [{ type: 'deal_engaged', from: 'engage_date' }],
};

// An opportunity: SQO once engaged or won, SAL while prospecting, else (lost) unqualified; 10 points if won.
export const leadConfig: Config = {
  version: 1,
  id: 'maven-opportunity',
  facts: { 'custom.dealStage': { type: 'string' }, 'custom.product': { type: 'string' } },
  criteria: { won: { when: { fact: 'custom.dealStage', eq: 'Won' } } },
  scoring: {
    groups: { engagement: { max: 100 } },
    rules: [{ id: 'won', group: 'engagement', points: 10, when: { criterion: 'won' } }],
  },
  stages: [
    { id: 'SQO', when: { fact: 'custom.dealStage', in: ['Engaging', 'Won'] } },
    { id: 'SAL', when: { fact: 'custom.dealStage', eq: 'Prospecting' } },
    { id: 'unqualified' },
  ],
};

// An account: key when it won 50 deals or more and has 5,000 people (from the accounts table); a customer
// once it won one; a prospect before.
export const accountConfig: Config = {
  version: 1,
  id: 'maven-accounts',
  level: 'account',
  facts: { 'account.sector': { type: 'string' } },
  criteria: {
    customer: { when: { members: { where: { criterion: 'won' } } } },
    loyal: { when: { members: { where: { criterion: 'won' }, count: { gte: 50 } } } },
    large: { when: { fact: 'account.employees', gte: 5000 } },
    busy: { when: { members: { stage: 'SQO', count: { gte: 100 } } } },
    revenue: { when: { members: { score: 'engagement', sum: { gte: 500 } } } },
  },
  stages: [
    { id: 'key', when: { all: [{ criterion: 'loyal' }, { criterion: 'large' }] } },
    { id: 'customer', when: { criterion: 'customer' } },
    { id: 'prospect' },
  ],
};
