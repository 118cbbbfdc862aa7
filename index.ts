import zapier, { defineApp } from 'zapier-platform-core';
import packageJson from './package.json';
import authentication from './src/authentication';
import addContact from './src/creates/add-contact';
import addOptOut from './src/creates/add-optout';
import createGroup from './src/creates/create-group';
import deleteContact from './src/creates/delete-contact';
import deleteOptOut from './src/creates/delete-optout';
import sendBatchSms from './src/creates/send-batch-sms';
import sendSms from './src/creates/send-sms';
import sendSmsToContacts from './src/creates/send-sms-to-contacts';
import sendTemplateCampaign from './src/creates/send-template-campaign';
import { befores } from './src/mobivate';
import findContact from './src/searches/find-contact';
import findMessage from './src/searches/find-message';
import findOptOut from './src/searches/find-optout';
import newDeliveryReceipt from './src/triggers/new-delivery-receipt';
import newIncomingSms from './src/triggers/new-incoming-sms';
import newOptOut from './src/triggers/new-optout';
import recentSenderId from './src/triggers/recent-sender-id';

export default defineApp({
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [...befores],
  flags: {
    // Core would log each request's whole answer (phone numbers, and forms of the key it does not
    // scrub) as an outbound request: the app logs one line per request itself (request.ts).
    skipHttpPatch: true,
    // Let src/mobivate/transport/request.ts see 429s, so the user gets Mobivate's message and a
    // Retry-After that may be an HTTP date (core's early throw understands only seconds).
    throwForThrottlingEarly: false,
  },
  triggers: {
    [newOptOut.key]: newOptOut,
    [newIncomingSms.key]: newIncomingSms,
    [newDeliveryReceipt.key]: newDeliveryReceipt,
    [recentSenderId.key]: recentSenderId,
  },
  creates: {
    [addOptOut.key]: addOptOut,
    [deleteOptOut.key]: deleteOptOut,
    [sendSms.key]: sendSms,
    [sendBatchSms.key]: sendBatchSms,
    [createGroup.key]: createGroup,
    [sendSmsToContacts.key]: sendSmsToContacts,
    [sendTemplateCampaign.key]: sendTemplateCampaign,
    [addContact.key]: addContact,
    [deleteContact.key]: deleteContact,
  },
  searches: {
    [findOptOut.key]: findOptOut,
    [findMessage.key]: findMessage,
    [findContact.key]: findContact,
  },
  searchOrCreates: {
    [findOptOut.key]: {
      key: findOptOut.key,
      display: {
        label: 'Find or Add Opt-Out',
        description: 'Finds a mobile number on the opt-out list, or adds it when it is not there.',
      },
      search: findOptOut.key,
      create: addOptOut.key,
    },
    [findContact.key]: {
      key: findContact.key,
      display: {
        label: 'Find or Add Contact',
        description:
          'Finds a contact by mobile number or alias, or adds it when it is not there. Needs a Vortex API connection.',
      },
      search: findContact.key,
      create: addContact.key,
    },
  },
});
