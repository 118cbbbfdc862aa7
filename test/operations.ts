/**
 * The one registry of the app's operations for the test suites, keyed by operation key: how each
 * runs on each API against nock (the fault matrix), what a fault means for it where that differs
 * from the usual, and how to run it against the sandbox (the publish checks). An operation added
 * here is in every suite; test/reliability/registry.test.ts fails until every operation is here.
 */
import { loggedMessage as fixtureMessage } from './fixtures';
import { SEND_FAULTS, error, onFramework404s, success, type Special } from './reliability/expected';

export type Api = 'bulksms' | 'vortex';

/** One way to run an operation on one API, with a documented successful answer. */
export interface Run {
  api: Api;
  /** Tells two runs of one operation on one API apart ("by id"). */
  variant?: string;
  inputData: Record<string, unknown>;
  container: 'object' | 'list';
  valid: () => Record<string, unknown> | Record<string, unknown>[];
  /** What a fault means for this run where it differs (wins over the operation's `special`). */
  special?: Special;
}

export interface OperationSpec {
  /** The method path in the app, as Zapier and `zapier-platform invoke` address it. */
  method: string;
  http: 'GET' | 'POST' | 'DELETE';
  runs: Run[];
  /** What a fault means for every run of the operation, where that differs from the usual. */
  special?: Special;
  /** A run against the sandbox for the publish checks (every visible operation has one). */
  real?: { api: Api; inputData: Record<string, unknown> };
}

const optOut = { mobile: '447700900123', note: 'MO', created: 1672704203000 };
const listedOptOut = { id: 1354505990, ...optOut };
const loggedMessage = fixtureMessage();
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
const recentHistory = () => ({
  type: 'SingleSMS',
  results: [{ ...historyRow, created_at: new Date().toISOString() }],
  matches: 1,
});
const vortexContact = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  alias: 'jane-doe',
  msisdn: '447700900123',
  created_on: '2026-11-20T10:00:00.000Z',
};
const GROUP = '3392287d-7a79-4789-9ef8-7dc174836688';
const TEMPLATE = 'aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee';
const sms = { from: 'Acme', to: '+447700900123', message: 'Hi' };

/** BulkSMS's delete: a missing route is tried at the other documented address (§9 #1). */
const routeMissing = error('AppError', /Removing opt-outs is not possible at this API Address/);

export const OPERATIONS: Record<string, OperationSpec> = {
  authentication: {
    method: 'authentication.test',
    http: 'GET',
    runs: [
      {
        api: 'bulksms',
        inputData: {},
        container: 'object',
        valid: () => ({ message: 'API Key is valid' }),
      },
      { api: 'vortex', inputData: {}, container: 'object', valid: () => ({}) },
    ],
    special: {
      '401': error('AppError', /^Mobivate did not accept this API key \("Unauthorized"\)/),
      '200 carrying an error code': error(
        'AppError',
        /^Mobivate did not accept this API key \("Unauthorized", in an HTTP 200 answer\)/,
      ),
      '200 with success: false': error(
        'AppError',
        /^Mobivate did not accept this API key \("Request failed", in an HTTP 200 answer\)/,
      ),
      // G2 documents a 200 without a body: nothing is required of it.
      '200 with required fields missing': success,
      '200 with the wrong container': error('AppError', /but not with a JSON answer/),
    },
  },
  add_optout: {
    method: 'creates.add_optout.operation.perform',
    http: 'POST',
    runs: [
      {
        api: 'bulksms',
        inputData: { mobile: '+447700900123' },
        container: 'object',
        valid: () => optOut,
      },
      {
        api: 'vortex',
        inputData: { mobile: '+447700900123' },
        container: 'object',
        valid: () => ({ success: true, record: vortexOptOut }),
      },
    ],
    real: { api: 'bulksms', inputData: { mobile: '+447700900999' } },
  },
  delete_optout: {
    method: 'creates.delete_optout.operation.perform',
    http: 'DELETE',
    runs: [
      {
        api: 'bulksms',
        inputData: { mobile: '+447700900123' },
        container: 'object',
        valid: () => optOut,
        special: {
          '404 with Mobivate’s JSON': success,
          '404 with a web framework’s JSON': error(
            'AppError',
            /Removing opt-outs is not possible at this API Address.*whether 447700900123 is opted out is unknown/,
          ),
          ...onFramework404s(routeMissing),
          '405': routeMissing,
        },
      },
      {
        api: 'vortex',
        inputData: { mobile: '+447700900123' },
        container: 'object',
        valid: () => ({ success: true }),
        // One route on Vortex: a framework's 404 or a 405 is an error, not a second try.
        special: {
          '404 with Mobivate’s JSON': success,
          '404 with a web framework’s JSON': error(
            'AppError',
            /with HTTP 404: "HTTP 404 Not Found"/,
          ),
          '405': error('AppError', /with HTTP 405: "Method Not Allowed"/),
        },
      },
    ],
    real: { api: 'bulksms', inputData: { mobile: '+447700900123' } },
  },
  find_optout: {
    method: 'searches.find_optout.operation.perform',
    http: 'GET',
    runs: [
      {
        api: 'bulksms',
        inputData: { mobile: '+447700900123' },
        container: 'list',
        valid: () => [listedOptOut],
      },
      {
        api: 'vortex',
        inputData: { mobile: '+447700900123' },
        container: 'object',
        valid: () => ({ type: 'Optouts', results: [{ id: 'o-1', ...vortexOptOut }], matches: 1 }),
      },
    ],
    real: { api: 'bulksms', inputData: { mobile: '+447700900999' } },
  },
  new_optout: {
    method: 'triggers.new_optout.operation.perform',
    http: 'GET',
    runs: [
      { api: 'bulksms', inputData: {}, container: 'list', valid: () => [listedOptOut] },
      {
        api: 'vortex',
        inputData: {},
        container: 'object',
        valid: () => ({
          type: 'Optouts',
          results: [{ id: 'o-1', ...vortexOptOut, created_at: new Date().toISOString() }],
          matches: 1,
        }),
      },
    ],
    real: { api: 'bulksms', inputData: {} },
  },
  send_sms: {
    method: 'creates.send_sms.operation.perform',
    http: 'POST',
    runs: [
      {
        api: 'bulksms',
        inputData: sms,
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
        api: 'vortex',
        inputData: sms,
        container: 'object',
        valid: () => ({ success: true, record: { id: 'v-1' } }),
      },
    ],
    // Mobivate's 403 for an opted-out recipient halts (the Send SMS tests); every other 403 is
    // not about the recipient, and halting on it would hide a key that cannot send.
    special: {
      ...SEND_FAULTS,
      'connection reset': error(
        'AppError',
        /connection was reset .*The message may or may not have been sent/,
      ),
    },
    real: { api: 'bulksms', inputData: { ...sms, to: '+447700900777', reference: 'ref-1' } },
  },
  send_batch_sms: {
    method: 'creates.send_batch_sms.operation.perform',
    http: 'POST',
    runs: [
      {
        api: 'bulksms',
        inputData: { from: 'Acme', recipients: ['+447700900123'], message: 'Hi' },
        container: 'object',
        valid: () => ({ id: 'fd9157b7', name: null, recipients: [{ recipient: '447700900123' }] }),
      },
      {
        api: 'vortex',
        inputData: { from: 'Acme', recipients: ['+447700900123'], message: 'Hi' },
        container: 'object',
        valid: () => ({
          success: true,
          record: { id: 'b-1', type: 'BatchSMS', recipientCount: 1 },
        }),
      },
    ],
    special: SEND_FAULTS,
    real: {
      api: 'bulksms',
      inputData: { from: 'Acme', recipients: ['+447700900777', 'abc'], message: 'Hi' },
    },
  },
  find_message: {
    method: 'searches.find_message.operation.perform',
    http: 'GET',
    runs: [
      {
        api: 'bulksms',
        variant: 'by id',
        inputData: { message_id: loggedMessage.id },
        container: 'object',
        valid: () => loggedMessage,
        special: { '404 with Mobivate’s JSON': success },
      },
      {
        api: 'bulksms',
        variant: 'by reference',
        inputData: { reference: 'order-1' },
        container: 'list',
        valid: () => [loggedMessage],
      },
      {
        api: 'vortex',
        variant: 'by reference',
        inputData: { reference: 'order-1' },
        container: 'object',
        valid: () => ({ type: 'SingleSMS', results: [historyRow], matches: 1 }),
      },
    ],
    real: { api: 'bulksms', inputData: { reference: 'ref-1' } },
  },
  new_incoming_sms: {
    method: 'triggers.new_incoming_sms.operation.perform',
    http: 'GET',
    // Vortex has no incoming messages: on Vortex this trigger makes no request.
    runs: [
      {
        api: 'bulksms',
        inputData: {},
        container: 'list',
        valid: () => [{ ...loggedMessage, direction: 'MO' }],
      },
    ],
    real: { api: 'bulksms', inputData: {} },
  },
  new_delivery_receipt: {
    method: 'triggers.new_delivery_receipt.operation.perform',
    http: 'GET',
    runs: [
      { api: 'bulksms', inputData: {}, container: 'list', valid: () => [loggedMessage] },
      { api: 'vortex', inputData: {}, container: 'object', valid: recentHistory },
    ],
    real: { api: 'bulksms', inputData: {} },
  },
  recent_sender_id: {
    method: 'triggers.recent_sender_id.operation.perform',
    http: 'GET',
    runs: [
      { api: 'bulksms', inputData: {}, container: 'list', valid: () => [loggedMessage] },
      {
        api: 'vortex',
        inputData: {},
        container: 'object',
        valid: () => ({
          ...recentHistory(),
          results: [{ ...recentHistory().results[0], originator: 'Acme' }],
        }),
      },
    ],
  },
  add_contact: {
    method: 'creates.add_contact.operation.perform',
    http: 'POST',
    runs: [
      {
        api: 'vortex',
        inputData: { mobile: '+447700900123', alias: 'jane-doe', fields: { FIRSTNAME: 'Jane' } },
        container: 'object',
        valid: () => ({ success: true, record: vortexContact }),
      },
    ],
    real: {
      api: 'vortex',
      inputData: { mobile: '+447700900321', alias: 'jane-doe', fields: { FIRSTNAME: 'Jane' } },
    },
  },
  find_contact: {
    method: 'searches.find_contact.operation.perform',
    http: 'GET',
    runs: [
      {
        api: 'vortex',
        inputData: { mobile: '+447700900123' },
        container: 'object',
        valid: () => ({ type: 'Contacts', results: [vortexContact], matches: 1 }),
      },
    ],
    real: { api: 'vortex', inputData: { alias: 'jane-doe' } },
  },
  delete_contact: {
    method: 'creates.delete_contact.operation.perform',
    http: 'DELETE',
    runs: [
      {
        api: 'vortex',
        inputData: { mobile: '+447700900123' },
        container: 'object',
        valid: () => ({ success: true }),
        // A 404 in Mobivate's words is "no such contact": Deleted false, by the default choice.
        special: { '404 with Mobivate’s JSON': success },
      },
    ],
    real: { api: 'vortex', inputData: { mobile: '+447700900321' } },
  },
  create_group: {
    method: 'creates.create_group.operation.perform',
    http: 'POST',
    runs: [
      {
        api: 'vortex',
        inputData: { name: 'Spring VIPs' },
        container: 'object',
        valid: () => ({ success: true, record: { id: GROUP } }),
        // The docs show no body for a created group: an object without an id is a group whose
        // id is unknown (said in the output), not a failure.
        special: { '200 with required fields missing': success },
      },
    ],
    real: { api: 'vortex', inputData: { name: 'Publish Check' } },
  },
  send_sms_to_contacts: {
    method: 'creates.send_sms_to_contacts.operation.perform',
    http: 'POST',
    runs: [
      {
        api: 'vortex',
        inputData: { from: 'Acme', aliases: ['john'], message: 'Hi {{name}}' },
        container: 'object',
        valid: () => ({
          success: true,
          record: { id: 'a-1', type: 'AliasSMS', recipientCount: 1 },
        }),
      },
    ],
    special: SEND_FAULTS,
    real: {
      api: 'vortex',
      inputData: { from: 'Acme', aliases: ['jane-doe'], message: 'Hi {{NAME}}' },
    },
  },
  send_template_campaign: {
    method: 'creates.send_template_campaign.operation.perform',
    http: 'POST',
    runs: [
      {
        api: 'vortex',
        inputData: { template_id: TEMPLATE, groups: [GROUP] },
        container: 'object',
        valid: () => ({
          success: true,
          record: { id: 't-1', type: 'TemplateSMS', recipientCount: 9 },
        }),
      },
    ],
    special: SEND_FAULTS,
    real: { api: 'vortex', inputData: { template_id: TEMPLATE, recipients: ['+447700900555'] } },
  },
};

/** One run of one operation, as the fault matrix takes it. */
export interface OperationRun extends Run {
  key: string;
  method: string;
  http: OperationSpec['http'];
  /** "Vortex delete_optout", "find_message (by id)": for test titles. */
  title: string;
  expectedFor: (fault: string) => Special[string] | undefined;
}

export const RUNS: OperationRun[] = Object.entries(OPERATIONS).flatMap(([key, spec]) =>
  spec.runs.map((run) => ({
    ...run,
    key,
    method: spec.method,
    http: spec.http,
    title: `${run.api === 'vortex' ? 'Vortex ' : ''}${key}${run.variant ? ` (${run.variant})` : ''}`,
    expectedFor: (fault: string) => run.special?.[fault] ?? spec.special?.[fault],
  })),
);
