/**
 * Reading Vortex contacts (docs/mobivate-api.md §V5): the documented record, shapes like the
 * opt-out rows seen live (§9 #24), and what is not a contact; and which words mean "already exists".
 */
import { readVortexContact } from '../../../src/mobivate/vortex/contacts';

describe('readVortexContact', () => {
  it.each([
    [
      'the documented record',
      { id: 'c-1', alias: 'jane', msisdn: '447700900123', created_on: '2026-11-20T10:00:00Z' },
      {
        id: 'c-1',
        alias: 'jane',
        mobile: '447700900123',
        fields: undefined,
        created: '2026-11-20T10:00:00.000Z',
      },
    ],
    [
      'a row like the live opt-out rows',
      {
        id: 7,
        userID: 'u-1',
        alias: 'jane',
        msisdn: 447700900123,
        meta: { A: 'x', N: 2, B: false, O: { deep: 1 }, Z: null },
        created_at: '2026-11-20T10:00:00.000Z',
        updated_at: '2026-11-21T10:00:00.000Z',
      },
      {
        id: '7',
        alias: 'jane',
        mobile: '447700900123',
        // Changed on purpose (issue 20): fields keep their types, so an update sends them back
        // as Mobivate held them (a number stays a number, a list or null is not dropped).
        fields: { A: 'x', N: 2, B: false, O: { deep: 1 }, Z: null },
        created: '2026-11-20T10:00:00.000Z',
      },
    ],
    [
      'a record without a time, with a formatted number',
      { id: 'c-2', msisdn: '+44 7700 900123' },
      { id: 'c-2', alias: null, mobile: '447700900123', fields: undefined, created: null },
    ],
  ])('reads %s', (_what, body, record) => {
    expect(readVortexContact(body)).toEqual({ record });
  });

  it.each([
    ['not an object', ['c-1'], /not a JSON object/],
    ['without an id', { alias: 'jane', msisdn: '447700900123' }, /no id/],
    ['without a number or alias', { id: 'c-1' }, /neither a number nor an alias/],
  ])('refuses %s, saying why', (_what, body, problem) => {
    const read = readVortexContact(body);
    expect('problem' in read && read.problem).toMatch(problem);
  });

  it('keeps what it could read of a contact without an id', () => {
    expect(readVortexContact({ alias: 'jane', msisdn: '447700900123' })).toMatchObject({
      partial: { alias: 'jane', mobile: '447700900123' },
    });
  });
});
