import type { FieldMap } from '../schema/fieldMap';

/**
 * Salesforce Lead exports (reports, Data Loader, API records) → canonical leads, by API field name
 * or report column label ("No. of Employees"). Report exports write dates as `M/d/yyyy` in a US
 * locale: ISO dates (API, Data Loader) are read too. Documented in `docs/crm-maps.md`.
 */
export const salesforce: FieldMap = {
  version: 1,
  id: 'salesforce',
  label: 'Salesforce leads',
  read: { dateFormat: 'M/d/yyyy' },
  fields: [
    { from: ['Id', 'Lead ID'], to: 'id' },
    { from: ['CreatedDate', 'Created Date', 'Create Date'], to: 'createdAt', type: 'date' },
    { from: ['LeadSource', 'Lead Source'], to: 'source', type: 'enum' },
    { from: ['FirstName', 'First Name'], to: 'contact.firstName' },
    { from: ['LastName', 'Last Name'], to: 'contact.lastName' },
    { from: ['Email'], to: 'contact.email' },
    { from: ['Title'], to: 'contact.title' },
    { from: ['Country'], to: 'contact.country' },
    { from: ['Company', 'Company / Account'], to: 'company.name' },
    { from: ['Website'], to: 'company.domain' },
    { from: ['Industry'], to: 'company.industry', type: 'enum' },
    { from: ['NumberOfEmployees', 'No. of Employees', 'Employees'], to: 'company.employees', type: 'number' },
    { from: ['AnnualRevenue', 'Annual Revenue'], to: 'company.annualRevenue', type: 'number' },
    {
      from: ['Rating'],
      to: 'crm.rating',
      type: 'enum',
      values: ['hot', 'warm', 'cold'],
    },
    { from: ['Status', 'Lead Status'], to: 'crm.leadStatus', type: 'enum' },
    { from: ['IsConverted', 'Converted'], to: 'crm.converted', type: 'boolean' },
  ],
  events: [{ type: 'contact_form_submitted', from: ['Web_Form_Date__c'] }],
};
