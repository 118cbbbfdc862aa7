/**
 * Bounded concurrency against the sandbox with its latency model on (small values: these tests
 * check behaviour, never timing; docs/performance.md measures time with `npm run bench`).
 */
import nock from 'nock';
import { perform as sendBatch } from '../../src/creates/send-batch-sms';
import { perform as findOptOut } from '../../src/searches/find-optout';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';
import { appTester, authData, failure, makeBundle } from '../helpers';

beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => nock.disableNetConnect());

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.close());

const start = async (options: SandboxOptions) => (sandbox = await startSandbox(options));
const bundle = (box: Sandbox, inputData: Record<string, unknown>, platform = 'bulksms') =>
  makeBundle(
    inputData,
    authData({ api_key: box.apiKey, api_url: box.url, api_platform: platform }),
  );
const numbers = (count: number) =>
  Array.from({ length: count }, (_, i) => `+4477009${String(i).padStart(5, '0')}`);
const optOuts = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    mobile: `4478${String(i).padStart(8, '0')}`,
    note: 'MO',
    created: Date.now() - 60_000 - i * 1000,
  }));
/** "1, 3 and 5 to 7" → [1, 3, 5, 6, 7]. */
const batchNumbers = (list: string) =>
  list
    .trim()
    .split(/, | and /)
    .flatMap((part) => {
      const [from, to = from] = part.split(' to ').map(Number);
      return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
    });
const fast = { baseMs: 15, perRowMs: 0, perRecipientMs: 0, jitterMs: 10 };

describe('at real latency (small values)', () => {
  it('sends a batch of 10 requests with never more than 4 in flight, every recipient once', async () => {
    const box = await start({ latency: fast });

    const output = await appTester(
      sendBatch,
      bundle(box, { from: 'Acme', recipients: numbers(9500), message: 'Hi' }),
    );

    expect(output).toMatchObject({ recipients_sent: 9500, recipients_accepted: 9500 });
    expect((output as { batch_ids: string[] }).batch_ids).toHaveLength(10);
    expect(box.requests).toHaveLength(10);
    expect(new Set(box.messages.map((message) => message.recipient)).size).toBe(9500);
    expect(box.traffic.maxInFlight).toBeLessThanOrEqual(4);
    expect(box.traffic.maxInFlight).toBeGreaterThan(1);
  });

  it('reports a batch that meets a rate limit exactly: what the sandbox logged is what it says', async () => {
    // 3 requests a second: the first batch goes alone, then 4 at once, so 1 or 2 are refused.
    const box = await start({ latency: { ...fast, rateLimitPerSecond: 3 } });

    const result = await failure(
      appTester(sendBatch, bundle(box, { from: 'Acme', recipients: numbers(7500), message: 'Hi' })),
    );

    expect(result).toMatchObject({ name: 'AppError', code: 'PartialBatch' });
    expect(result.message).toMatch(
      /not sent: Mobivate answered with HTTP 429: "Too Many Requests"/,
    );
    const said = /were accepted \(([\d,]+) recipients/.exec(result.message)?.[1];
    expect(Number(said?.replace(/,/g, ''))).toBe(box.messages.length);
    // Every batch is told once: accepted, refused, or never sent; only those told as accepted
    // or refused reached the sandbox.
    const told = [...result.message.matchAll(/Batch(?:es)? ([\d, ]+(?:(?:and|to) \d+ ?)*)/g)].map(
      ([, list]) => batchNumbers(list!),
    );
    expect(told.flat().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const unsent = /Batch(?:es)? ([^(]+) \([\d,]+ recipients\) (?:was|were) not sent\./.exec(
      result.message,
    );
    const neverSent = unsent ? batchNumbers(unsent[1]!) : [];
    expect(box.requests).toHaveLength(8 - neverSent.length);
    expect(box.traffic.maxInFlight).toBeLessThanOrEqual(4);
  });

  it.each([
    ['bulksms', 12_345],
    ['vortex', 12_345],
  ] as const)(
    'Find Opt-Out (%s) reads all %i opt-outs with at most 4 pages in flight',
    async (generation, size) => {
      const box = await start({ generation, optOuts: optOuts(size), latency: fast });

      const found = await appTester(
        findOptOut,
        bundle(box, { mobile: '+447999999999' }, generation),
      );
      const oldest = await appTester(
        findOptOut,
        bundle(box, { mobile: `+4478${String(size - 1).padStart(8, '0')}` }, generation),
      );

      expect(found).toEqual([]);
      expect(oldest).toEqual([
        expect.objectContaining({ mobile: `4478${String(size - 1).padStart(8, '0')}` }),
      ]);
      expect(box.traffic.maxInFlight).toBeLessThanOrEqual(4);
      expect(box.traffic.maxInFlight).toBeGreaterThan(1);
    },
  );
});
