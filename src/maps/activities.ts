import type { FieldMap } from '../schema/fieldMap';

/** HubSpot activities (engagements: calls, meetings, e-mails, notes, tasks; form submissions) → events. */
export const hubspotActivities: FieldMap = {
  version: 1,
  id: 'hubspot-activities',
  label: 'HubSpot activities',
  fields: [],
  activity: {
    lead: ['hs_contact_id', 'Contact ID', 'Associated Contact ID', 'associations.contactIds'],
    type: {
      from: ['hs_engagement_type', 'engagement.type', 'Activity Type', 'Activity type'],
      aliases: {
        call: 'call_connected',
        meeting: 'meeting_held',
        email: 'sales_email_sent',
        incoming_email: 'email_replied',
        forwarded_email: 'sales_email_sent',
        note: 'note_added',
        task: 'task_created',
        form_submission: 'contact_form_submitted',
        form_submitted: 'contact_form_submitted',
      },
    },
    at: ['hs_timestamp', 'engagement.timestamp', 'Activity Date', 'Activity date', 'Create Date'],
    props: { subject: ['hs_engagement_subject', 'Subject', 'Activity Subject'] },
  },
};

/** Salesforce Tasks (calls, e-mails, tasks), by API name or report label → events. */
export const salesforceTasks: FieldMap = {
  version: 1,
  id: 'salesforce-tasks',
  label: 'Salesforce tasks',
  read: { dateFormat: 'M/d/yyyy' },
  fields: [],
  activity: {
    lead: ['WhoId', 'Lead ID', 'Name ID'],
    type: {
      from: ['TaskSubtype', 'Task Subtype', 'Type'],
      aliases: {
        call: 'call_connected',
        email: 'sales_email_sent',
        list_email: 'sales_email_sent',
        listemail: 'sales_email_sent',
        task: 'task_created',
        cadence: 'task_created',
      },
      default: 'task_created',
    },
    at: ['CompletedDateTime', 'ActivityDate', 'Due Date', 'Date'],
    props: { subject: ['Subject'], status: ['Status'] },
  },
};

/** Salesforce Events (meetings on the calendar) → `meeting_held` events. */
export const salesforceEvents: FieldMap = {
  version: 1,
  id: 'salesforce-events',
  label: 'Salesforce events',
  read: { dateFormat: 'M/d/yyyy h:mm a' },
  fields: [],
  activity: {
    lead: ['WhoId', 'Lead ID', 'Name ID'],
    type: 'meeting_held',
    at: ['StartDateTime', 'ActivityDateTime', 'Start', 'Date'],
    props: { subject: ['Subject'] },
  },
};

/** Salesforce CampaignMembers (who was sent a campaign, who responded) → events. */
export const salesforceCampaignMembers: FieldMap = {
  version: 1,
  id: 'salesforce-campaign-members',
  label: 'Salesforce campaign members',
  read: { dateFormat: 'M/d/yyyy' },
  fields: [],
  activity: {
    lead: ['LeadId', 'Lead ID', 'ContactId', 'Contact ID'],
    type: {
      from: ['Status', 'Member Status'],
      aliases: {
        responded: 'campaign_responded',
        sent: 'campaign_sent',
        registered: 'webinar_registered',
        attended: 'webinar_attended',
      },
      default: 'campaign_member',
    },
    at: ['FirstRespondedDate', 'First Responded Date', 'CreatedDate', 'Created Date'],
    props: { campaign: ['Campaign.Name', 'Campaign Name', 'CampaignId'] },
  },
};
