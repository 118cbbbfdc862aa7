/**
 * Add or Update Contact on a Vortex connection, through core's handler, with nock standing in for
 * Mobivate (docs/mobivate-api.md §V5): exact bodies, created vs updated, the merged fields sent in
 * full, and every error branch.
 */
import { authData, failure, vortexAuth, vortexScope } from '../helpers';
import { runMethod, runOn } from '../runner';

const METHOD = 'creates.add_contact.operation.perform';
const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const add = (inputs: Record<string, unknown> = {}) =>
  runOn(vortexAuth(), METHOD, {
    mobile: '+44 7700 900123',
    alias: 'jane-doe',
    fields: { FIRSTNAME: 'Jane' },
    ...inputs,
  });
const listQuery = (offset: number) => ({
  sortField: 'created_on',
  sortDir: 'DESC',
  offset: String(offset),
  limit: '1000',
});
const exists = (message = 'A contact with this alias already exists') =>
  vortexScope()
    .post('/addressbook/contacts', {
      alias: 'jane-doe',
      msisdn: '447700900123',
      meta: { FIRSTNAME: 'Jane' },
    })
    .reply(400, { success: false, error: { message } });
const list = (rows: unknown[], offset = 0) =>
  vortexScope().get('/addressbook/contacts').query(listQuery(offset)).reply(200, {
    type: 'Contacts',
    results: rows,
    matches: rows.length,
  });

describe('Add or Update Contact: created', () => {
  it('sends {alias, msisdn, meta} and reads the documented answer', async () => {
    vortexScope()
      .post('/addressbook/contacts', {
        alias: 'jane-doe',
        msisdn: '447700900123',
        meta: { FIRSTNAME: 'Jane', CITY: 'Leeds' },
      })
      .reply(200, {
        success: true,
        record: {
          id: ID,
          alias: 'jane-doe',
          msisdn: '447700900123',
          created_on: '2026-11-27T12:00:00Z',
        },
      });
    const { result } = await add({ fields: { FIRSTNAME: 'Jane', ' CITY ': 'Leeds', '': 'x' } });
    expect(result).toEqual({
      id: ID,
      alias: 'jane-doe',
      mobile: '447700900123',
      mobile_e164: '+447700900123',
      fields: { FIRSTNAME: 'Jane', CITY: 'Leeds' },
      created_at: '2026-11-27T12:00:00.000Z',
      action: 'created',
    });
  });

  it('sends an empty meta without Contact Fields, and reads {"success": true} alone', async () => {
    vortexScope()
      .post('/addressbook/contacts', { alias: 'jane-doe', msisdn: '447700900123', meta: {} })
      .reply(200, { success: true });
    expect((await add({ fields: undefined })).result).toEqual({
      id: null,
      alias: 'jane-doe',
      mobile: '447700900123',
      mobile_e164: '+447700900123',
      fields: {},
      created_at: null,
      action: 'created',
    });
  });

  it('does not count a 200 it does not recognise as created', async () => {
    vortexScope().post('/addressbook/contacts').reply(200, { ok: 1 });
    expect(failure(await add()).message).toMatch(/but not with the contact/);
  });

  it('reads a 400 that does not say "exists" as the error it is', async () => {
    vortexScope()
      .post('/addressbook/contacts')
      .reply(400, { success: false, error: { message: 'msisdn is invalid' } });
    expect(failure(await add()).message).toMatch(/rejected the request: "msisdn is invalid"/);
  });

  it('names the missing permission of a 403', async () => {
    vortexScope()
      .post('/addressbook/contacts')
      .reply(403, { error: 'API Key is not permitted to perform this action. (create:Contacts)' });
    expect(failure(await add()).message).toMatch(/lacks the permission create:Contacts/);
  });
});

describe('Add or Update Contact: updated', () => {
  it('finds the contact by its number and sends the merged fields in full', async () => {
    exists('A contact with this msisdn already exists');
    list([
      { id: 'other', alias: 'someone', msisdn: '447700900999', created_at: '2026-11-26T00:00:00Z' },
      {
        id: ID,
        alias: 'old-alias',
        msisdn: '447700900123',
        meta: { FIRSTNAME: 'J', CITY: 'Leeds' },
        created_at: '2026-11-01T09:00:00Z',
      },
    ]);
    vortexScope()
      .post(`/addressbook/contacts/${ID}`, {
        msisdn: '447700900123',
        alias: 'jane-doe',
        meta: { FIRSTNAME: 'Jane', CITY: 'Leeds' },
      })
      .reply(200, { success: true });
    expect((await add()).result).toEqual({
      id: ID,
      alias: 'jane-doe',
      mobile: '447700900123',
      mobile_e164: '+447700900123',
      fields: { FIRSTNAME: 'Jane', CITY: 'Leeds' },
      created_at: '2026-11-01T09:00:00.000Z',
      action: 'updated',
    });
  });

  it('finds the contact by its alias, on a later page, in the documented envelope', async () => {
    exists();
    const filler = Array.from({ length: 1000 }, (_v, i) => ({
      id: `c${i}`,
      alias: `a${i}`,
      msisdn: `4477001${String(i).padStart(5, '0')}`,
      created_on: '2026-11-20T00:00:00Z',
    }));
    vortexScope()
      .get('/addressbook/contacts')
      .query(listQuery(0))
      .reply(200, { success: true, records: filler, total: 1001 });
    vortexScope()
      .get('/addressbook/contacts')
      .query(listQuery(1000))
      .reply(200, {
        success: true,
        records: [{ id: ID, alias: 'jane-doe', msisdn: '447700900555', created_on: 1764000000000 }],
        total: 1001,
      });
    vortexScope()
      .post(`/addressbook/contacts/${ID}`, {
        msisdn: '447700900123',
        alias: 'jane-doe',
        meta: { FIRSTNAME: 'Jane' },
      })
      .reply(200, {
        success: true,
        record: {
          id: ID,
          alias: 'jane-doe',
          msisdn: '447700900123',
          meta: { FIRSTNAME: 'Jane', LEFT: 'over' },
        },
      });
    expect((await add()).result).toEqual({
      id: ID,
      alias: 'jane-doe',
      mobile: '447700900123',
      mobile_e164: '+447700900123',
      // What Mobivate says the contact now holds.
      fields: { FIRSTNAME: 'Jane', LEFT: 'over' },
      created_at: new Date(1764000000000).toISOString(),
      action: 'updated',
    });
  });

  it('refuses to overwrite when the number and the alias belong to two contacts', async () => {
    exists();
    list([
      { id: 'a', alias: 'jane-doe', msisdn: '447700900555' },
      { id: 'b', alias: 'john', msisdn: '447700900123' },
    ]);
    expect(failure(await add()).message).toMatch(
      /447700900123 belongs to the contact with alias "john", and the alias "jane-doe" to another contact \(447700900555\)\. Nothing was changed/,
    );
  });

  it('says so when Mobivate says "exists" but the list holds no such contact', async () => {
    exists();
    list([{ id: 'x', alias: 'someone', msisdn: '447700900999' }]);
    expect(failure(await add()).message).toMatch(
      /said the contact already exists \("A contact with this alias already exists"\), but no contact .* holds 447700900123/,
    );
  });

  it('says so when unreadable contacts could be it', async () => {
    exists();
    list([{ alias: 'no-id' }, { id: 'x', alias: 'someone', msisdn: '447700900999' }]);
    expect(failure(await add()).message).toMatch(
      /1 contacts of the address book could not be read/,
    );
  });

  it('reads a list answer that is not a list as an error, never as "not found"', async () => {
    exists();
    vortexScope().get('/addressbook/contacts').query(listQuery(0)).reply(200, { success: true });
    expect(failure(await add()).message).toMatch(/but not with a list of contacts/);
  });

  it('does not count an unrecognised update answer as updated', async () => {
    exists();
    list([{ id: ID, alias: 'jane-doe', msisdn: '447700900123' }]);
    vortexScope().post(`/addressbook/contacts/${ID}`).reply(200, { updated: 'maybe' });
    expect(failure(await add()).message).toMatch(/but not with the contact/);
  });

  it('names the missing permission of an update refused with 403', async () => {
    exists();
    list([{ id: ID, alias: 'jane-doe', msisdn: '447700900123' }]);
    vortexScope()
      .post(`/addressbook/contacts/${ID}`)
      .reply(403, { error: 'API Key is not permitted to perform this action. (update:Contacts)' });
    expect(failure(await add()).message).toMatch(/lacks the permission update:Contacts/);
  });
});

describe('Add or Update Contact: inputs and connections', () => {
  it('says on a BulkSMS connection that it needs Vortex, sending nothing', async () => {
    const outcome = await runMethod(METHOD, {
      authData: authData(),
      inputData: { mobile: '+447700900123', alias: 'jane-doe' },
      meta: {},
    } as never);
    expect(failure(outcome).message).toMatch(
      /^This step needs a Vortex connection: .*Nothing was sent to Mobivate/,
    );
    expect(JSON.parse(outcome.error!.message)).toMatchObject({ code: 'NeedsVortex' });
  });

  it.each([
    // An empty alias is derived from the number (issue 22): add-contact-alias.test.ts.
    [{ alias: ['a', 'b'] }, /^Alias cannot be used: it received a list of 2 values/],
    [{ fields: 'FIRSTNAME=Jane' }, /^Contact Fields cannot be used: it received "FIRSTNAME=Jane"/],
    [{ fields: { CITY: ['a'] } }, /^Contact Fields "CITY" cannot be used/],
    [{ mobile: '12' }, /^Mobile Number "12" cannot be used/],
    // Send SMS to Contacts could not tell such an alias from two (issue 20, #12).
    [{ alias: 'Smith, John' }, /^Alias "Smith, John" cannot be used: it holds a comma, which/],
    [{ alias: 'Smith;John' }, /^Alias "Smith;John" cannot be used: it holds a semicolon, which/],
    [{ alias: 'Smith\nJohn' }, /^Alias "Smith\nJohn" cannot be used: it holds a line break/],
    // A decimal part is never read as digits (issue 20, #1).
    [{ mobile: '447700900123.0' }, /^Mobile Number "447700900123\.0" cannot be used: it ends in a/],
    [{ mobile: 447700900123.5 }, /^Mobile Number "447700900123\.5" cannot be used: it ends in a/],
  ])('halts on %j before any request', async (inputs, message) => {
    const outcome = await add(inputs);
    expect(outcome.error?.name).toBe('HaltedError');
    expect(failure(outcome).message).toMatch(message);
  });
});

describe('Add or Update Contact: a long address book', () => {
  const rows = (offset: number, count = 1000) =>
    Array.from({ length: count }, (_v, i) => ({
      id: `c${offset + i}`,
      alias: `a${offset + i}`,
      msisdn: `44770${String(offset + i).padStart(7, '0')}`,
    }));
  const pages = (found?: { at: number; row: { id: string; alias: string; msisdn: string } }) => {
    for (let offset = 0; offset < 150_000; offset += 1000) {
      const page = rows(offset);
      if (found && found.at >= offset && found.at < offset + 1000)
        page[found.at - offset] = found.row;
      vortexScope()
        .get('/addressbook/contacts')
        .query(listQuery(offset))
        .reply(200, { type: 'Contacts', results: page });
    }
  };

  it('stops at the scan bound without the contact, changing nothing', async () => {
    exists();
    pages();
    expect(failure(await add()).message).toMatch(
      /said the contact already exists .* but it was not found among the first 150,000 contacts .* Nothing was changed/,
    );
  });

  it('updates the contact found by its number in a list read only in part', async () => {
    exists();
    pages({ at: 24_500, row: { id: ID, alias: 'old', msisdn: '447700900123' } });
    vortexScope()
      .post(`/addressbook/contacts/${ID}`, {
        msisdn: '447700900123',
        alias: 'jane-doe',
        meta: { FIRSTNAME: 'Jane' },
      })
      .reply(400, {
        success: false,
        error: { message: 'A contact with this alias already exists' },
      });
    // Another contact, unread, holds the alias: Mobivate refuses, and says so.
    expect(failure(await add()).message).toMatch(
      /rejected the request: "A contact with this alias already exists"/,
    );
  });
});
