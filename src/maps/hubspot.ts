import type { FieldMap } from '../schema/fieldMap';
import { AUTHORITY_ROLES, SENIORITIES } from '../schema/lead';

/**
 * HubSpot contact exports (and API records) → canonical leads. Each field is found by its internal
 * property name or by the column label the HubSpot UI exports ("Number of Employees"). Documented
 * column by column in `docs/crm-maps.md`.
 */
export const hubspot: FieldMap = {
  version: 1,
  id: 'hubspot',
  label: 'HubSpot contacts',
  read: { missing: ['--', 'N/A'] },
  fields: [
    { from: ['hs_object_id', 'Record ID', 'Contact ID'], to: 'id' },
    { from: ['createdate', 'Create Date'], to: 'createdAt', type: 'date' },
    { from: ['hs_analytics_source', 'Original Source'], to: 'source', type: 'enum' },
    { from: ['firstname', 'First Name'], to: 'contact.firstName' },
    { from: ['lastname', 'Last Name'], to: 'contact.lastName' },
    { from: ['email', 'Email'], to: 'contact.email' },
    { from: ['jobtitle', 'Job Title'], to: 'contact.title' },
    {
      from: ['hs_seniority', 'Seniority'],
      to: 'contact.seniority',
      type: 'enum',
      values: [...SENIORITIES],
      aliases: {
        owner: 'c_level',
        partner: 'c_level',
        executive: 'c_level',
        cxo: 'c_level',
        vice_president: 'vp',
        senior: 'individual',
        employee: 'individual',
        entry: 'individual',
      },
    },
    { from: ['country', 'Country/Region', 'Country'], to: 'contact.country' },
    { from: ['company', 'Company Name'], to: 'company.name' },
    { from: ['website', 'Website URL'], to: 'company.domain' },
    { from: ['industry', 'Industry'], to: 'company.industry', type: 'enum' },
    {
      from: ['numemployees', 'Number of Employees'],
      to: 'company.employees',
      type: 'number',
      range: 'low',
    },
    { from: ['annualrevenue', 'Annual Revenue'], to: 'company.annualRevenue', type: 'number' },
    {
      from: ['lifecyclestage', 'Lifecycle Stage'],
      to: 'company.isCustomer',
      type: 'boolean',
      true: ['customer', 'evangelist'],
      // internal values and the labels the UI exports
      false: [
        'subscriber',
        'lead',
        'marketingqualifiedlead',
        'marketing qualified lead',
        'salesqualifiedlead',
        'sales qualified lead',
        'opportunity',
        'other',
      ],
    },
    {
      from: ['lifecyclestage', 'Lifecycle Stage'],
      to: 'crm.lifecycleStage',
      type: 'enum',
      // UI labels read as the internal values the API gives
      aliases: {
        'Marketing Qualified Lead': 'marketingqualifiedlead',
        'Sales Qualified Lead': 'salesqualifiedlead',
      },
    },
    { from: ['hs_lead_status', 'Lead Status'], to: 'crm.leadStatus', type: 'enum' },
    {
      from: ['hs_buying_role', 'Buying Role'],
      to: 'authority.role',
      type: 'enum',
      multiple: 'strongest',
      values: [...AUTHORITY_ROLES],
      aliases: {
        budget_holder: 'decision_maker',
        executive_sponsor: 'decision_maker',
        blocker: 'influencer',
        legal_and_compliance: 'influencer',
        end_user: 'user',
        other: 'unknown',
      },
    },
  ],
  events: [
    // any form (a newsletter signup too): neutral, not a hand-raise unless a config reads it so
    { type: 'form_submitted', from: ['first_conversion_date', 'First Conversion Date'] },
    { type: 'form_submitted', from: ['recent_conversion_date', 'Recent Conversion Date'] },
    { type: 'email_clicked', from: ['hs_email_last_click_date', 'Last marketing email click date'] },
  ],
};
