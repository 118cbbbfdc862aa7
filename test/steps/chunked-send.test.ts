import nock from 'nock';
import { numberList } from '../../src/steps/chunked-send';
import { perform } from '../../src/creates/send-batch-sms';
import { appTester, failure, makeBundle, mobivateScope } from '../helpers';

const run = (recipients: number) =>
  appTester(perform, makeBundle({ from: 'Acme', recipients: numbers(recipients), message: 'Hi' }));
const numbers = (count: number) =>
  Array.from({ length: count }, (_, i) => `+4477009${String(i).padStart(5, '0')}`);

type Reply = [number, nock.Body];
interface BatchBody {
  recipients: { recipient: string }[];
}

/** The batch's number (1, 2, …) from its first recipient: batches hold 1,000 each, in order. */
const batchNumber = (body: BatchBody) =>
  Math.floor(Number(body.recipients[0]!.recipient.slice(7)) / 1000) + 1;

const accepted = (body: BatchBody, id: string): Reply => [
  200,
  { id, name: null, routeId: 'mglobal', recipients: body.recipients },
];

/**
 * Answers each batch request as `answer` says, after `delayMs`, counting the requests in flight
 * (from nock's reply to the answer) and the most at once.
 */
const batchServer = (
  count: number,
  answer: (batch: number, body: BatchBody) => [Reply, number],
) => {
  const traffic = { inFlight: 0, maxInFlight: 0, batches: [] as number[] };
  mobivateScope()
    .post('/send/batch')
    .times(count)
    .reply((_uri, requestBody, callback) => {
      const body = requestBody as BatchBody;
      const batch = batchNumber(body);
      traffic.batches.push(batch);
      traffic.inFlight++;
      traffic.maxInFlight = Math.max(traffic.maxInFlight, traffic.inFlight);
      const [reply, delayMs] = answer(batch, body);
      setTimeout(() => {
        traffic.inFlight--;
        callback(null, reply);
      }, delayMs);
    });
  return traffic;
};

describe('a send in several batches, with several in flight', () => {
  it('reports a failed batch once, and its later siblings that were accepted as accepted', async () => {
    // Batch 1 goes alone; batches 2 to 4 then go together, and 2 fails after 3 was accepted.
    const traffic = batchServer(4, (batch, body) =>
      batch === 2
        ? [[502, '<html><h1>502 Bad Gateway</h1></html>'], 60]
        : [accepted(body, `b-${batch}`), batch === 3 ? 0 : 20],
    );

    const result = await failure(run(3500));

    expect(result).toMatchObject({ name: 'AppError', code: 'PartialBatch' });
    expect(result.message).toBe(
      'Only part of the batch was sent. Batches 1, 3 and 4 of 4 were accepted (2,500 recipients; batch ids b-1, b-3, b-4). Batch 2 (1,000 recipients) may or may not have been sent: Mobivate answered with HTTP 502 Bad Gateway: "502 Bad Gateway". Do not replay this run as it is, or recipients get the message twice: check the message log in the Mobivate hub, then send to the recipients that were not sent in a new run.',
    );
    expect(traffic.batches[0]).toBe(1);
    expect([...traffic.batches].sort()).toEqual([1, 2, 3, 4]);
  });

  it('stops new batches at a 429, reports exactly, and asks for no retry', async () => {
    // 7 batches: 1 alone, then 2 to 5 together; 2 is throttled at once, so 6 and 7 never go.
    const traffic = batchServer(5, (batch, body) =>
      batch === 2
        ? [[429, { code: 429, message: 'Slow down' }], 0]
        : [accepted(body, `b-${batch}`), batch === 1 ? 0 : 40],
    );

    const result = await failure(run(6500));

    expect(result).toMatchObject({ name: 'AppError', code: 'PartialBatch' });
    expect(result.message).toBe(
      'Only part of the batch was sent. Batches 1 and 3 to 5 of 7 were accepted (4,000 recipients; batch ids b-1, b-3, b-4, b-5). Batch 2 (1,000 recipients) was not sent: Mobivate answered with HTTP 429: "Slow down". Batches 6 and 7 (1,500 recipients) were not sent. Do not replay this run as it is, or recipients get the message twice: check the message log in the Mobivate hub, then send to the recipients that were not sent in a new run.',
    );
    expect(result.message).not.toMatch(/try again/i);
    expect([...traffic.batches].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('never has more than 4 batch requests in flight, and sends the first alone', async () => {
    let firstAnswered = false;
    let beforeFirst = 0;
    const traffic = batchServer(12, (batch, body) => {
      if (!firstAnswered && batch !== 1) beforeFirst++;
      if (batch === 1) setTimeout(() => (firstAnswered = true), 10);
      return [accepted(body, `b-${batch}`), 10];
    });

    const output = await run(12_000);

    expect(output).toMatchObject({
      batch_ids: Array.from({ length: 12 }, (_, i) => `b-${i + 1}`),
      recipients_accepted: 12_000,
    });
    expect(beforeFirst).toBe(0);
    expect(traffic.maxInFlight).toBeLessThanOrEqual(4);
    expect(traffic.maxInFlight).toBeGreaterThan(1);
  });

  it('reports batches in flight alongside an unclear one, and none twice', async () => {
    // Batch 2 is refused, batch 3 loses its answer, 4 and 5 are accepted; 6 never goes.
    batchServer(5, (batch, body) => {
      if (batch === 2) return [[400, { code: 400, message: 'Bad originator' }], 0];
      if (batch === 3) return [[504, '<html>504 Gateway Time-out</html>'], 10];
      return [accepted(body, `b-${batch}`), batch === 1 ? 0 : 20];
    });

    const result = await failure(run(5200));

    expect(result.message).toBe(
      'Only part of the batch was sent. Batches 1, 4 and 5 of 6 were accepted (3,000 recipients; batch ids b-1, b-4, b-5). Batch 2 (1,000 recipients) was not sent: Mobivate answered with HTTP 400: "Bad originator". Batch 3 (1,000 recipients) may or may not have been sent: Mobivate answered with HTTP 504 Gateway Timeout: "504 Gateway Time-out". Batch 6 (200 recipients) was not sent. Do not replay this run as it is, or recipients get the message twice: check the message log in the Mobivate hub, then send to the recipients that were not sent in a new run.',
    );
  });
});

describe('the report counts as people write', () => {
  it('says "1 recipient", and batch counts with thousands separators', async () => {
    // 1,001 recipients: batch 1 accepted, batch 2 (one recipient) throttled.
    batchServer(2, (batch, body) =>
      batch === 2 ? [[429, { code: 429, message: 'Slow down' }], 0] : [accepted(body, 'b-1'), 0],
    );

    const result = await failure(run(1001));

    expect(result.message).toMatch(
      /^Only part of the batch was sent\. Batch 1 of 2 was accepted \(1,000 recipients; batch id b-1\)\. Batch 2 \(1 recipient\) was not sent: /,
    );
  });
});

describe('numberList', () => {
  it.each([
    [[1], '1'],
    [[1, 2], '1 and 2'],
    [[1, 2, 3], '1 to 3'],
    [[1, 3, 4], '1, 3 and 4'],
    [[1, 3, 4, 5], '1 and 3 to 5'],
    [[2, 3, 5, 7, 8, 9], '2, 3, 5 and 7 to 9'],
    [[999, 1000, 1001, 2500], '999 to 1,001 and 2,500'],
  ])('%j reads "%s"', (numbers, text) => {
    expect(numberList(numbers)).toBe(text);
  });
});

afterEach(() => nock.cleanAll());
