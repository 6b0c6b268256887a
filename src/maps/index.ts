import type { FieldMap } from '../schema/fieldMap';
import {
  hubspotActivities,
  salesforceCampaignMembers,
  salesforceEvents,
  salesforceTasks,
} from './activities';
import { hubspot } from './hubspot';
import { salesforce } from './salesforce';

/**
 * The id of a built-in field map.
 *
 * @category CRM data
 */
export type MapId =
  | 'hubspot'
  | 'salesforce'
  | 'hubspotActivities'
  | 'salesforceTasks'
  | 'salesforceEvents'
  | 'salesforceCampaignMembers';

/**
 * Built-in field maps for CRM exports: HubSpot contacts and Salesforce leads (for `mapLead` or
 * `parseLead(row, { map })`), and their activity tables — HubSpot engagements and form submissions,
 * Salesforce Tasks, Events and CampaignMembers (for `mapActivity`) — by internal names and by export
 * labels. `docs/crm-maps.md` lists every column they read.
 *
 * @example
 * mapLead({ 'No. of Employees': '1,200', Rating: 'Hot' }, maps.salesforce).lead;
 * //=> { company: { employees: 1200 }, crm: { rating: 'hot' } }
 *
 * @category CRM data
 */
export const maps: Readonly<Record<MapId, FieldMap>> = /* @__PURE__ */ Object.freeze({
  hubspot,
  salesforce,
  hubspotActivities,
  salesforceTasks,
  salesforceEvents,
  salesforceCampaignMembers,
});
