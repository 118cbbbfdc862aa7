/**
 * Every operation that talks to Mobivate, as the reliability suites run it: its method path in
 * the app (the way Zapier and `zapier-platform invoke` address it), inputs, the request method it
 * makes, and a documented 200 answer.
 */
import { loggedMessage as fixtureMessage } from '../fixtures';

export type Container = 'object' | 'list';

export interface OperationCase {
  name: string;
  method: string;
  inputData: Record<string, unknown>;
  bundle?: Record<string, unknown>;
  http: 'GET' | 'POST' | 'DELETE';
  container: Container;
  /** A documented successful answer. */
  valid: () => Record<string, unknown> | Record<string, unknown>[];
  /** The connection, when not the default BulkSMS one (Vortex cases). */
  vortex?: boolean;
}

export const VORTEX_ORIGIN = 'https://vortex.mobivatebulksms.com';

const optOut = { mobile: '447700900123', note: 'MO', created: 1672704203000 };
const listedOptOut = { id: 1354505990, ...optOut };
const loggedMessage = fixtureMessage();

export const OPERATIONS: OperationCase[] = [
  {
    name: 'connection test',
    method: 'authentication.test',
    inputData: {},
    http: 'GET',
    container: 'object',
    valid: () => ({ message: 'API Key is valid' }),
  },
  {
    name: 'Add Opt-Out',
    method: 'creates.add_optout.operation.perform',
    inputData: { mobile: '+447700900123' },
    http: 'POST',
    container: 'object',
    valid: () => optOut,
  },
  {
    name: 'Delete Opt-Out',
    method: 'creates.delete_optout.operation.perform',
    inputData: { mobile: '+447700900123' },
    http: 'DELETE',
    container: 'object',
    valid: () => optOut,
  },
  {
    name: 'Find Opt-Out',
    method: 'searches.find_optout.operation.perform',
    inputData: { mobile: '+447700900123' },
    http: 'GET',
    container: 'list',
    valid: () => [listedOptOut],
  },
  {
    name: 'New Opt-Out',
    method: 'triggers.new_optout.operation.perform',
    inputData: {},
    http: 'GET',
    container: 'list',
    valid: () => [listedOptOut],
  },
  {
    name: 'Send SMS',
    method: 'creates.send_sms.operation.perform',
    inputData: { from: 'Acme', to: '+447700900123', message: 'Hi' },
    http: 'POST',
    container: 'object',
    valid: () => ({
      id: 'ef5796ce',
      originator: 'Acme',
      recipient: '447700900123',
      body: 'Hi',
      routeId: 'mglobal',
      reference: null,
      campaignId: null,
    }),
  },
  {
    name: 'Send Batch SMS',
    method: 'creates.send_batch_sms.operation.perform',
    inputData: { from: 'Acme', recipients: ['+447700900123'], message: 'Hi' },
    http: 'POST',
    container: 'object',
    valid: () => ({ id: 'fd9157b7', name: null, recipients: [{ recipient: '447700900123' }] }),
  },
  {
    name: 'Find Message by id',
    method: 'searches.find_message.operation.perform',
    inputData: { message_id: '9A0C23DD' },
    http: 'GET',
    container: 'object',
    valid: () => loggedMessage,
  },
  {
    name: 'Find Message by reference',
    method: 'searches.find_message.operation.perform',
    inputData: { reference: 'order-1' },
    http: 'GET',
    container: 'list',
    valid: () => [loggedMessage],
  },
  {
    name: 'New Incoming SMS',
    method: 'triggers.new_incoming_sms.operation.perform',
    inputData: {},
    http: 'GET',
    container: 'list',
    valid: () => [{ ...loggedMessage, direction: 'MO' }],
  },
  {
    name: 'New Delivery Status',
    method: 'triggers.new_delivery_receipt.operation.perform',
    inputData: {},
    http: 'GET',
    container: 'list',
    valid: () => [loggedMessage],
  },
  {
    name: 'Sender IDs for the From dropdown',
    method: 'triggers.recent_sender_id.operation.perform',
    inputData: {},
    http: 'GET',
    container: 'list',
    valid: () => [loggedMessage],
  },
];

const vortexOptOut = {
  msisdn: '447700900123',
  note: 'Pasted Optout',
  created_at: '2026-11-20T10:00:00.000Z',
};
const historyRow = {
  id: 'm-1',
  reference: 'order-1',
  status: 'DELIVERED',
  price: 0.05,
  currency: 'AUD',
  parts: 1,
  created_at: '2026-11-26T10:00:00.000Z',
};

/**
 * The same operations on a Vortex connection, answered in the shapes seen live (§9 #24, #25). New
 * Incoming SMS is not here: on Vortex it makes no request (Vortex has no incoming messages).
 */
export const VORTEX_OPERATIONS: OperationCase[] = [
  {
    name: 'connection test',
    method: 'authentication.test',
    inputData: {},
    http: 'GET',
    container: 'object',
    valid: () => ({}),
  },
  {
    name: 'Add Opt-Out',
    method: 'creates.add_optout.operation.perform',
    inputData: { mobile: '+447700900123' },
    http: 'POST',
    container: 'object',
    valid: () => ({ success: true, record: vortexOptOut }),
  },
  {
    name: 'Delete Opt-Out',
    method: 'creates.delete_optout.operation.perform',
    inputData: { mobile: '+447700900123' },
    http: 'DELETE',
    container: 'object',
    valid: () => ({ success: true }),
  },
  {
    name: 'Find Opt-Out',
    method: 'searches.find_optout.operation.perform',
    inputData: { mobile: '+447700900123' },
    http: 'GET',
    container: 'object',
    valid: () => ({ type: 'Optouts', results: [{ id: 'o-1', ...vortexOptOut }], matches: 1 }),
  },
  {
    name: 'New Opt-Out',
    method: 'triggers.new_optout.operation.perform',
    inputData: {},
    http: 'GET',
    container: 'object',
    valid: () => ({
      type: 'Optouts',
      results: [{ id: 'o-1', ...vortexOptOut, created_at: new Date().toISOString() }],
      matches: 1,
    }),
  },
  {
    name: 'Send SMS',
    method: 'creates.send_sms.operation.perform',
    inputData: { from: 'Acme', to: '+447700900123', message: 'Hi' },
    http: 'POST',
    container: 'object',
    valid: () => ({ success: true, record: { id: 'v-1' } }),
  },
  {
    name: 'Send Batch SMS',
    method: 'creates.send_batch_sms.operation.perform',
    inputData: { from: 'Acme', recipients: ['+447700900123'], message: 'Hi' },
    http: 'POST',
    container: 'object',
    valid: () => ({ success: true, record: { id: 'b-1', type: 'BatchSMS', recipientCount: 1 } }),
  },
  {
    name: 'Find Message by reference',
    method: 'searches.find_message.operation.perform',
    inputData: { reference: 'order-1' },
    http: 'GET',
    container: 'object',
    valid: () => ({ type: 'SingleSMS', results: [historyRow], matches: 1 }),
  },
  {
    name: 'New Delivery Status',
    method: 'triggers.new_delivery_receipt.operation.perform',
    inputData: {},
    http: 'GET',
    container: 'object',
    valid: () => ({
      type: 'SingleSMS',
      results: [{ ...historyRow, created_at: new Date().toISOString() }],
      matches: 1,
    }),
  },
].map((operation) => ({ ...operation, vortex: true }) as OperationCase);

const vortexContact = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  alias: 'jane-doe',
  msisdn: '447700900123',
  created_on: '2026-11-20T10:00:00.000Z',
};

/**
 * The address book on a Vortex connection (§V5), in a fault-matrix file of its own
 * (fault-matrix-vortex-contacts.test.ts): with the two Vortex shares above, one file would pass
 * core's 250 invocations. Add or Update Contact's update path is covered by its own tests.
 */
export const VORTEX_CONTACT_OPERATIONS: OperationCase[] = [
  {
    name: 'Add or Update Contact',
    method: 'creates.add_contact.operation.perform',
    inputData: { mobile: '+447700900123', alias: 'jane-doe', fields: { FIRSTNAME: 'Jane' } },
    http: 'POST',
    container: 'object',
    valid: () => ({ success: true, record: vortexContact }),
  },
  {
    name: 'Find Contact',
    method: 'searches.find_contact.operation.perform',
    inputData: { mobile: '+447700900123' },
    http: 'GET',
    container: 'object',
    valid: () => ({ type: 'Contacts', results: [vortexContact], matches: 1 }),
  },
  {
    name: 'Delete Contact',
    method: 'creates.delete_contact.operation.perform',
    inputData: { mobile: '+447700900123' },
    http: 'DELETE',
    container: 'object',
    valid: () => ({ success: true }),
  },
].map((operation) => ({ ...operation, vortex: true }) as OperationCase);

/**
 * Groups, alias and template sends on a Vortex connection (§V5, §3.6, §3.7), in a fault-matrix
 * file of their own (fault-matrix-vortex-campaigns.test.ts), for core's 250 invocations.
 */
export const VORTEX_CAMPAIGN_OPERATIONS: OperationCase[] = [
  {
    name: 'Create Group',
    method: 'creates.create_group.operation.perform',
    inputData: { name: 'Spring VIPs' },
    http: 'POST',
    container: 'object',
    valid: () => ({ success: true, record: { id: '3392287d-7a79-4789-9ef8-7dc174836688' } }),
  },
  {
    name: 'Send SMS to Contacts',
    method: 'creates.send_sms_to_contacts.operation.perform',
    inputData: { from: 'Acme', aliases: ['john'], message: 'Hi {{name}}' },
    http: 'POST',
    container: 'object',
    valid: () => ({ success: true, record: { id: 'a-1', type: 'AliasSMS', recipientCount: 1 } }),
  },
  {
    name: 'Send Template Campaign',
    method: 'creates.send_template_campaign.operation.perform',
    inputData: {
      template_id: 'aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee',
      groups: ['3392287d-7a79-4789-9ef8-7dc174836688'],
    },
    http: 'POST',
    container: 'object',
    valid: () => ({ success: true, record: { id: 't-1', type: 'TemplateSMS', recipientCount: 9 } }),
  },
].map((operation) => ({ ...operation, vortex: true }) as OperationCase);
