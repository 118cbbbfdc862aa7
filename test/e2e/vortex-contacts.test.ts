/**
 * The address book on a Vortex connection, end to end through zapier-platform-core over real HTTP
 * to the sandbox speaking Vortex (docs/mobivate-api.md §V5), in the list shape seen live on the
 * opt-out list and in the documented one: add, find, update, delete.
 */
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { allowLoopback } from './loopback';
import { resultOf, runOn, sandboxAuth } from '../runner';

allowLoopback();

let sandbox: Sandbox;
afterEach(() => sandbox.close());

const run = (method: string, inputData: Record<string, unknown> = {}) =>
  runOn(sandboxAuth(sandbox, 'vortex'), method, inputData).then(resultOf);

const ADD = 'creates.add_contact.operation.perform';
const FIND = 'searches.find_contact.operation.perform';
const DELETE = 'creates.delete_contact.operation.perform';

describe.each(['observed', 'documented'] as const)('Vortex contacts, answers as %s', (shapes) => {
  beforeEach(async () => {
    sandbox = await startSandbox({ generation: 'vortex', vortexShapes: shapes });
  });

  it('adds a contact, finds it, updates it, and deletes it', async () => {
    const added = await run(ADD, {
      mobile: '+44 7700 900123',
      alias: 'jane-doe',
      fields: { FIRSTNAME: 'Jane', CITY: 'Leeds' },
    });
    expect(added).toMatchObject({
      alias: 'jane-doe',
      mobile: '447700900123',
      fields: { FIRSTNAME: 'Jane', CITY: 'Leeds' },
      action: 'created',
    });
    expect(added.id).toEqual(expect.any(String));
    expect(added.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    expect(await run(FIND, { alias: 'jane-doe' })).toEqual([
      expect.objectContaining({ id: added.id, mobile: '447700900123', action: 'found' }),
    ]);
    expect(await run(FIND, { mobile: '+447700900999' })).toEqual([]);

    // The same number again, with a new alias and one changed field: an update of that contact.
    const updated = await run(ADD, {
      mobile: '+447700900123',
      alias: 'jane',
      fields: { FIRSTNAME: 'Janet' },
    });
    expect(updated).toMatchObject({ id: added.id, alias: 'jane', action: 'updated' });
    const stored = sandbox.contacts.get(added.id as string)!;
    // The sandbox replaces meta on update. Where the list shows the contact's fields (as seen
    // live), the merged map keeps CITY; the documented list has none to merge.
    expect(stored.meta).toEqual(
      shapes === 'observed' ? { FIRSTNAME: 'Janet', CITY: 'Leeds' } : { FIRSTNAME: 'Janet' },
    );
    expect(updated.fields).toEqual(stored.meta);
    expect(sandbox.requests.filter((r) => r.method === 'POST').at(-1)).toMatchObject({
      path: `/addressbook/contacts/${added.id as string}`,
      body: { msisdn: '447700900123', alias: 'jane', meta: stored.meta },
    });

    expect(await run(FIND, { mobile: '+447700900123', alias: 'jane' })).toEqual([
      expect.objectContaining({ id: added.id, alias: 'jane' }),
    ]);
    expect(await run(DELETE, { mobile: '+447700900123' })).toEqual({
      mobile: '447700900123',
      mobile_e164: '+447700900123',
      deleted: true,
    });
    expect(await run(DELETE, { mobile: '+447700900123' })).toEqual({
      mobile: '447700900123',
      mobile_e164: '+447700900123',
      deleted: false,
    });
    await expect(run(DELETE, { mobile: '+447700900123', when_not_found: 'fail' })).rejects.toThrow(
      /nothing to delete/,
    );
    expect(await run(FIND, { alias: 'jane' })).toEqual([]);
  });

  it('refuses to merge two contacts into one', async () => {
    await run(ADD, { mobile: '+447700900123', alias: 'jane' });
    await run(ADD, { mobile: '+447700900456', alias: 'john' });
    await expect(run(ADD, { mobile: '+447700900123', alias: 'john' })).rejects.toThrow(
      /belongs to the contact with alias "jane", and the alias "john" to another contact/,
    );
  });
});
