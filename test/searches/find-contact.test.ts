/**
 * Find Contact on a Vortex connection, through core's handler (docs/mobivate-api.md §V5): the
 * list's query, both envelopes, matching by number, alias or both, and "not found" only when the
 * whole address book was read.
 */
import { authData, failure, vortexAuth, vortexScope } from '../helpers';
import { runMethod, runOn } from '../runner';

const METHOD = 'searches.find_contact.operation.perform';
const find = (inputs: Record<string, unknown>) => runOn(vortexAuth(), METHOD, inputs);
const page = (offset: number) =>
  vortexScope()
    .get('/addressbook/contacts')
    .query({ sortField: 'created_on', sortDir: 'DESC', offset: String(offset), limit: '1000' });
const jane = {
  id: 'c-1',
  alias: 'jane-doe',
  msisdn: '447700900123',
  meta: { FIRSTNAME: 'Jane', VIP: true, AGE: 41 },
  created_at: '2026-11-20T10:00:00.000Z',
};
const found = {
  id: 'c-1',
  alias: 'jane-doe',
  mobile: '447700900123',
  mobile_e164: '+447700900123',
  fields: { FIRSTNAME: 'Jane', VIP: 'true', AGE: '41' },
  created_at: '2026-11-20T10:00:00.000Z',
  action: 'found',
};

describe('Find Contact', () => {
  it.each([
    ['by number, seen-live envelope', { mobile: '07700 900123', default_country: 'GB' }],
    ['by alias', { alias: ' jane-doe ' }],
    ['by both', { mobile: '+447700900123', alias: 'jane-doe' }],
  ])('finds %s', async (_how, inputs) => {
    page(0).reply(200, { type: 'Contacts', results: [jane], matches: 1 });
    expect((await find(inputs)).result).toEqual([found]);
  });

  it('reads the documented envelope, without meta, and a bare array', async () => {
    const documented = {
      id: 'c-1',
      alias: 'jane-doe',
      msisdn: '447700900123',
      created_on: '2026-11-20T10:00:00Z',
    };
    page(0).reply(200, { success: true, records: [documented], total: 1 });
    expect((await find({ alias: 'jane-doe' })).result).toEqual([{ ...found, fields: {} }]);
    page(0).reply(200, [documented]);
    expect((await find({ alias: 'jane-doe' })).result).toEqual([{ ...found, fields: {} }]);
  });

  it('with both, a contact must have both', async () => {
    page(0).reply(200, { type: 'Contacts', results: [jane], matches: 1 });
    expect((await find({ mobile: '+447700900123', alias: 'someone-else' })).result).toEqual([]);
  });

  it('answers "not found" after reading every page', async () => {
    const rows = Array.from({ length: 1000 }, (_v, i) => ({
      id: `c${i}`,
      alias: `a${i}`,
      msisdn: `4477001${String(i).padStart(5, '0')}`,
    }));
    page(0).reply(200, { type: 'Contacts', results: rows });
    page(1000).reply(200, { type: 'Contacts', results: [] });
    expect((await find({ alias: 'jane-doe' })).result).toEqual([]);
  });

  it('does not answer "not found" when a contact that could be it was unreadable', async () => {
    page(0).reply(200, { type: 'Contacts', results: [{ alias: 'jane-doe', msisdn: 'x' }, jane] });
    expect((await find({ alias: 'jane-doe' })).result).toEqual([found]);
    page(0).reply(200, {
      type: 'Contacts',
      results: [
        { alias: 'jane-doe', msisdn: '447700900123' },
        { ...jane, alias: 'x', id: 'c-2' },
      ],
    });
    expect(failure(await find({ alias: 'jane-doe' })).message).toMatch(
      /Could not tell whether a contact with alias "jane-doe" exists: 1 of the contacts/,
    );
  });

  it('says when it stopped before the end of the address book', async () => {
    const rows = (offset: number) =>
      Array.from({ length: 1000 }, (_v, i) => ({
        id: `c${offset + i}`,
        alias: `a${offset + i}`,
        msisdn: `44770${String(offset + i).padStart(7, '0')}`,
      }));
    for (let offset = 0; offset < 150_000; offset += 1000) {
      page(offset).reply(200, { type: 'Contacts', results: rows(offset) });
    }
    expect(failure(await find({ alias: 'jane-doe' })).message).toMatch(
      /Could not finish searching the address book for alias "jane-doe": it read 150,000 contacts in 150 requests/,
    );
  });

  it('reads an answer that is not a list as an error, never as "not found"', async () => {
    page(0).reply(200, { success: true });
    expect(failure(await find({ alias: 'jane-doe' })).message).toMatch(
      /but not with a list of contacts/,
    );
  });

  it('names the missing permission of a 403', async () => {
    page(0).reply(403, {
      error: 'API Key is not permitted to perform this action. (read:Contacts)',
    });
    expect(failure(await find({ alias: 'jane-doe' })).message).toMatch(
      /lacks the permission read:Contacts/,
    );
  });

  it('halts when neither a number nor an alias is given, before any request', async () => {
    const outcome = await find({ mobile: ' ', alias: '' });
    expect(outcome.error?.name).toBe('HaltedError');
    expect(failure(outcome).message).toMatch(/^Mobile Number and Alias are both empty/);
  });

  it('says on a BulkSMS connection that it needs Vortex, sending nothing', async () => {
    const outcome = await runMethod(METHOD, {
      authData: authData(),
      inputData: { alias: 'jane-doe' },
      meta: {},
    } as never);
    expect(JSON.parse(outcome.error!.message)).toMatchObject({
      code: 'NeedsVortex',
      message: expect.stringMatching(/^This step needs a Vortex connection/),
    });
  });
});
