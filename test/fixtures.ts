/** Records as Mobivate's documentation shows them, shared by the tests. */

/** A message log record (§4.2), with the fields a test cares about overridden. */
export const loggedMessage = (overrides: Record<string, unknown> = {}) => ({
  id: '9A0C23DD0A000A9D2FBD4671D780AFDA',
  created: '2026-11-25T01:10:34+0000',
  modified: '2026-11-25T01:10:39+0000',
  originator: 'Acme',
  recipient: '447700900123',
  body: 'Hi',
  status: 'DELIVERED',
  direction: 'MT',
  inReplyTo: null,
  routeId: 'mglobal',
  parts: 1,
  cost: 0.01,
  currency: 'GBP',
  senderReference: 'order-1',
  campaignId: null,
  ...overrides,
});
