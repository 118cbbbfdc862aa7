/**
 * Find Message answers only about the message asked for: a record of another message is not it,
 * and a history without references cannot say a reference was not found. Through core's handler
 * against the stand-in, on both APIs.
 */
import { failure } from '../helpers';
import { json } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';

const standIn = useStandIn();
const vortex = { authData: { api_platform: 'vortex' } };
const find = (inputData: Record<string, unknown>, extra = {}) =>
  runAgainst(standIn(), 'searches.find_message.operation.perform', inputData, extra);
const record = (id: string) => ({
  id,
  created: '2026-11-25T01:10:34+0000',
  status: 'DELIVERED',
  direction: 'MT',
  senderReference: 'order-1',
});

describe('Find Message by id', () => {
  it.each(['9A0C23DE', 'another-message', '9a0c23dd-other'])(
    'a record with the id %j is not message 9A0C23DD',
    async (other) => {
      standIn().on('GET /message/9A0C23DD', json(200, record(other)));
      const outcome = await find({ message_id: '9A0C23DD' });
      expect(outcome.result).toBeUndefined();
      expect(failure(outcome)).toMatchObject({
        code: 'MobivateUnexpectedAnswer',
        message: expect.stringMatching(/but not with the message log record of 9A0C23DD/),
      });
    },
  );

  it('an id in another letter case is the same message', async () => {
    standIn().on('GET /message/9A0C23DD', json(200, record('9a0c23dd')));
    expect((await find({ message_id: '9A0C23DD' })).result).toEqual([
      expect.objectContaining({ id: '9a0c23dd' }),
    ]);
  });

  it('on Vortex, an unreadable history row that may be the message leaves it unknown', async () => {
    standIn().on(
      'GET /messages/history',
      json(200, {
        results: [
          { id: 'm-2', created_at: new Date().toISOString(), reference: 'x' },
          { created_at: new Date().toISOString(), reference: 'y' },
        ],
        matches: 2,
      }),
    );
    expect(failure(await find({ message_id: 'm-1' }, vortex))).toMatchObject({
      code: 'MessageSearchInconclusive',
    });
  });
});

describe('Find Message by reference on a history without references', () => {
  const row = (id: string, extra = {}) => ({
    id,
    recipient: '61412345678',
    text: 'Hi',
    status: 'Delivered',
    sent_on: new Date().toISOString(),
    ...extra,
  });

  it.each([
    [
      'the documented rows',
      [row('m-1'), row('m-2')],
      'MessageSearchUnsupported',
      /^Cannot search by reference "order-7"/,
    ],
    [
      'rows of which some carry no reference',
      [row('m-1', { reference: 'order-1' }), row('m-2')],
      'MessageSearchInconclusive',
      /^Could not tell whether a message with reference "order-7" exists: 1 of the 2 messages/,
    ],
  ])('%s: never "not found"', async (_name, records, code, message) => {
    standIn().on(
      'GET /messages/history',
      json(200, { success: true, records, total: records.length }),
    );
    const outcome = await find({ reference: 'order-7' }, vortex);
    expect(outcome.result).toBeUndefined();
    expect(failure(outcome)).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('still finds a match among them', async () => {
    standIn().on(
      'GET /messages/history',
      json(200, {
        success: true,
        records: [row('m-1'), row('m-2', { reference: 'order-7' })],
        total: 2,
      }),
    );
    expect((await find({ reference: 'order-7' }, vortex)).result).toEqual([
      expect.objectContaining({ id: 'm-2', reference: 'order-7' }),
    ]);
  });
});
