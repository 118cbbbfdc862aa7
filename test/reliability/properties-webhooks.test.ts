/**
 * Every webhook trigger's perform, fed random JSON through core's runtime. (A file of its own:
 * core's handler exits a process that has run more than 250 invocations while holding much
 * memory, and jest keeps one process per test file.)
 */
import fc from 'fast-check';
import * as deliveryReceipt from '../../src/triggers/new-delivery-receipt';
import * as incomingSms from '../../src/triggers/new-incoming-sms';
import * as linkClick from '../../src/triggers/new-link-click';
import { appTester, makeBundle } from '../helpers';
import { recordReliability } from './report';

const RUNS = 80;

// Skipped payloads are logged through z.console; keep the test output readable.
beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

describe('webhook triggers, fed random JSON', () => {
  const payloadLike = fc.oneof(
    fc.jsonValue(),
    fc.record(
      Object.fromEntries(
        [
          'id',
          'originator',
          'recipient',
          'body',
          'created',
          'deliveryMessageId',
          'status',
          'statusCode',
          'parts',
          'messageId',
          'mobile',
          'url',
          'iso2l',
        ].map((key) => [
          key,
          fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.jsonValue()),
        ]),
      ),
      { requiredKeys: [] },
    ),
  );
  // Changed on purpose: an unknown choice ('x') is now a configuration error the user sees (see
  // test/truthful/answers.test.ts), so the filters are the valid ones, in any case.
  const filters = fc.record(
    {
      keyword: fc.string(),
      keyword_match: fc.constantFrom('starts_with', 'contains', 'CONTAINS', ' Starts_With '),
      statuses: fc.constantFrom('all', 'final', 'failures', 'FINAL', 'Failures'),
    },
    { requiredKeys: [] },
  );

  it.each([
    ['New Incoming SMS', incomingSms.perform],
    ['New Delivery Receipt', deliveryReceipt.perform],
    ['New Link Click', linkClick.perform],
  ] as const)('%s never throws, and never yields an item without an id', async (_name, perform) => {
    await fc.assert(
      fc.asyncProperty(payloadLike, filters, async (payload, inputData) => {
        const items = (await appTester(perform as Parameters<typeof appTester>[0], {
          ...makeBundle(inputData),
          cleanedRequest: payload,
        })) as { id?: unknown }[];
        expect(Array.isArray(items)).toBe(true);
        for (const item of items)
          expect(typeof item.id === 'string' && item.id.length > 0).toBe(true);
      }),
      { numRuns: RUNS },
    );
    recordReliability('generated webhook payloads', RUNS);
  });
});
