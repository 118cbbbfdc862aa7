/**
 * The message log triggers, fed random pages of the log through core's runtime: records with
 * fields of any type, missing or odd. (A file of its own: core's handler exits a process that has
 * run more than 250 invocations while holding much memory, and jest keeps one process per file.)
 */
import fc from 'fast-check';
import { perform as deliveryStatus } from '../../src/triggers/new-delivery-receipt';
import { perform as incomingSms } from '../../src/triggers/new-incoming-sms';
import { appTester, failure, makeBundle, mobivateScope } from '../helpers';

const RUNS = 80;

// Skipped records are logged through z.console; keep the test output readable.
beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.jsonValue());
const logTime = fc
  .date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().replace(/\.\d{3}Z$/, '+0000'));
const record = fc.record(
  {
    id: fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.integer(), anything),
    created: fc.oneof(logTime, fc.integer(), anything),
    modified: fc.oneof(logTime, anything),
    originator: anything,
    recipient: anything,
    body: fc.oneof(fc.constantFrom('STOP', 'Yes please', 'stop!'), anything),
    status: fc.oneof(fc.constantFrom('DELIVERED', 'ACCEPTED', 'FAILED_NACK', 'Retry'), anything),
    inReplyTo: anything,
    parts: anything,
    cost: anything,
    senderReference: anything,
  },
  { requiredKeys: [] },
);
// Valid choices in any letter case: an unknown one is the user's configuration error.
const filters = fc.record(
  {
    keyword: fc.string(),
    keyword_match: fc.constantFrom('starts_with', 'contains', 'CONTAINS', ' Starts_With '),
    statuses: fc.constantFrom('all', 'final', 'failures', 'FINAL', 'Failures'),
    reference: fc.oneof(fc.string(), fc.constantFrom('order-1', ' order-1 '), anything),
    originator: fc.oneof(fc.string(), fc.constantFrom('Acme', '+44 7700 900123'), anything),
  },
  { requiredKeys: [] },
);

describe('message log triggers, fed random log pages', () => {
  it.each([
    ['New Incoming SMS', incomingSms],
    ['New Delivery Status', deliveryStatus],
  ] as const)(
    '%s returns unique ids, newest first, or says the answer is not a message list',
    async (_name, perform) => {
      await fc.assert(
        fc.asyncProperty(fc.array(record, { maxLength: 12 }), filters, async (page, inputData) => {
          mobivateScope()
            .get('/message')
            .query((query) => query.page === '1')
            .reply(200, page);
          // A first page of a round length may be a server's cap: the next page confirms it.
          mobivateScope()
            .get('/message')
            .query((query) => query.page !== '1')
            .optionally()
            .reply(200, []);
          const outcome = appTester(
            perform as Parameters<typeof appTester>[0],
            makeBundle(inputData),
          );
          let items: { id: unknown; created: unknown }[];
          try {
            items = (await outcome) as typeof items;
          } catch {
            // Only a page of which no record can be read is not the message log.
            expect((await failure(outcome)).code).toBe('MobivateUnexpectedAnswer');
            expect(page.length).toBeGreaterThan(0);
            return;
          }
          expect(items.length).toBeLessThanOrEqual(page.length);
          const ids = items.map((item) => item.id);
          expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
          expect(new Set(ids).size).toBe(ids.length);
          const times = items.map((item) => item.created);
          expect(
            times.every((time) => time === null || !Number.isNaN(Date.parse(String(time)))),
          ).toBe(true);
          // Newest first, a message without a readable time after the others.
          const order = times.map((time) => (time === null ? '' : String(time)));
          expect(order).toEqual([...order].sort().reverse());
        }),
        { numRuns: RUNS },
      );
    },
  );
});
