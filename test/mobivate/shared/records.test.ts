/** The tolerant record readers: numbers sent as text and text sent as numbers are read. */
import { readLoggedMessageRecord } from '../../../src/mobivate/bulksms/message-log';
import { readListedOptOut } from '../../../src/mobivate/bulksms/optouts';
import { mobileDigits, tolerantNumber, tolerantString } from '../../../src/mobivate/shared/records';
import { loggedMessage } from '../../fixtures';

describe('tolerantNumber', () => {
  it.each([
    [2, 2],
    ['2', 2],
    ['0.05', 0.05],
    [' 17 ', 17],
    ['-3', -3],
  ])('reads %j as %j', (value, expected) => expect(tolerantNumber(value)).toBe(expected));

  it.each(['', 'two', '1e3', '0x10', '2 parts', null, true, Infinity, NaN, [], {}])(
    'does not read %j',
    (value) => expect(tolerantNumber(value)).toBeUndefined(),
  );
});

describe('tolerantString', () => {
  it.each([
    ['abc', 'abc'],
    [42, '42'],
    [0.05, '0.05'],
  ])('reads %j as %j', (value, expected) => expect(tolerantString(value)).toBe(expected));

  it.each([null, undefined, false, {}, [], NaN])('does not read %j', (value) =>
    expect(tolerantString(value)).toBeUndefined(),
  );
});

describe('mobileDigits', () => {
  it.each([
    ['+44 7700 900123', '447700900123'],
    ['44-7700-900123', '447700900123'],
    ['(61) 412.345.678', '61412345678'],
    ['0033 6 12 34 56 78', '33612345678'],
    [4915112345678, '4915112345678'],
    ['4915112345678', '4915112345678'],
  ])('reads %j as %j', (value, expected) => expect(mobileDigits(value)).toBe(expected));

  it.each(['', '+', 'unknown', '44 7700 9OO123', 44770090012.5, -1e300, null, {}])(
    'does not read %j',
    (value) => expect(mobileDigits(value)).toBeUndefined(),
  );
});

describe('readListedOptOut', () => {
  it('reads an opt-out whose id and created are strings and whose mobile is a number', () => {
    expect(
      readListedOptOut({
        id: '88120001',
        mobile: 33612345678,
        note: 'API',
        created: '1700000000000',
      }),
    ).toEqual({
      record: {
        id: '88120001',
        mobile: '33612345678',
        note: 'API',
        source: 'Added through the API',
        created: '2023-11-14T22:13:20.000Z',
      },
    });
  });

  it.each([
    ['2023-11-14T22:13:20+0000', 1_700_000_000_000],
    ['2023-11-15T09:13:20.000+11:00', 1_700_000_000_000],
    ['2023-11-14T22:13:20.000Z', 1_700_000_000_000],
  ])('reads created %j as the instant of epoch milliseconds %d', (created, millis) => {
    const read = readListedOptOut({ id: 5, mobile: '4915112345678', note: null, created });
    expect(read).toEqual({
      record: {
        id: '5',
        mobile: '4915112345678',
        note: null,
        source: null,
        created: new Date(millis).toISOString(),
      },
    });
  });

  it('reads a numeric note as text', () => {
    const created = 1_700_000_000_000;
    expect(readListedOptOut({ id: 5, mobile: '4915112345678', note: 7, created })).toEqual({
      record: {
        id: '5',
        mobile: '4915112345678',
        note: '7',
        source: '7',
        created: '2023-11-14T22:13:20.000Z',
      },
    });
  });

  it.each([
    ['a list', [], 'it is not a JSON object', undefined],
    ['no mobile', { id: 1, note: 'MO', created: 1 }, 'it has no readable mobile number', undefined],
    [
      'a created of words',
      { id: 1, mobile: '61412345678', created: 'last Tuesday' },
      'it has no readable creation time',
      { mobile: '61412345678' },
    ],
    [
      'an empty id',
      { id: ' ', mobile: '61412345678', created: 1_700_000_000_000 },
      'it has no readable id',
      {
        mobile: '61412345678',
        note: null,
        source: null,
        created: '2023-11-14T22:13:20.000Z',
      },
    ],
    [
      'a created out of range',
      { id: 1, mobile: '61412345678', created: 9e99 },
      'it has no readable creation time',
      { mobile: '61412345678' },
    ],
  ])('says why it cannot read %s, with what it could read', (_what, body, problem, partial) => {
    expect(readListedOptOut(body)).toEqual(partial ? { problem, partial } : { problem });
  });
});

describe('readLoggedMessageRecord', () => {
  it('reads numbers sent as text and text sent as numbers', () => {
    const read = readLoggedMessageRecord(
      loggedMessage({ id: 1354505990, parts: '3', cost: '0.075', recipient: 4915112345678 }),
    );
    expect(read).toEqual({
      record: expect.objectContaining({
        id: '1354505990',
        parts: 3,
        cost: 0.075,
        recipient: '4915112345678',
      }),
    });
  });

  it('reads an epoch-milliseconds created as an ISO timestamp', () => {
    const read = readLoggedMessageRecord(loggedMessage({ created: 1_700_000_000_000 }));
    expect(read).toEqual({
      record: expect.objectContaining({ created: '2023-11-14T22:13:20.000Z' }),
    });
  });

  it('keeps a record whose optional number is unreadable, without that number', () => {
    const read = readLoggedMessageRecord(loggedMessage({ parts: 'several', cost: {} }));
    expect(read).toEqual({ record: expect.objectContaining({ parts: null, cost: null }) });
  });

  it.each([
    ['without an id', { ...loggedMessage(), id: null }, 'it has no readable id'],
    [
      'without a time',
      { ...loggedMessage(), created: undefined },
      'it has no readable creation time',
    ],
    ['that is a string', 'a string', 'it is not a JSON object'],
  ])('says why it cannot read a record %s', (_what, body, problem) => {
    expect(readLoggedMessageRecord(body)).toMatchObject({ problem });
  });
});
