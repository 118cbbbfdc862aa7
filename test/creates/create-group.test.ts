import { perform } from '../../src/creates/create-group';
import nock from 'nock';
import {
  API_KEY,
  VORTEX_URL,
  appTester,
  failure,
  makeBundle,
  vortexAuth,
  vortexScope,
} from '../helpers';
import { runOn } from '../runner';

describe('Create Group', () => {
  it('on a BulkSMS connection, says it needs Vortex and sends nothing', async () => {
    // No nock scope: any request would be a stray and fail the test (test/setup.ts).
    expect(await failure(appTester(perform, makeBundle({ name: 'VIP' })))).toMatchObject({
      name: 'AppError',
      code: 'NeedsVortex',
      message: expect.stringMatching(/^Create Group needs a Vortex connection: .*Nothing was sent/),
    });
  });

  it.each([[''], ['   '], [undefined]])(
    'halts before any request for the name %j',
    async (name) => {
      expect(
        await failure(appTester(perform, makeBundle({ name } as { name: string }, vortexAuth()))),
      ).toEqual({
        name: 'HaltedError',
        message: 'Group Name is empty. Map or type a name for the group.',
      });
    },
  );
});

/**
 * A name that exists (issue 22): Mobivate's words say so, and the step outputs that group from the
 * group list, through core's handler with nock standing in for Mobivate.
 */
describe('Create Group: a name that exists', () => {
  const METHOD = 'creates.create_group.operation.perform';
  const ID = '3392287d-7a79-4789-9ef8-7dc174836688';
  const create = () => runOn(vortexAuth(), METHOD, { name: 'Spring VIPs' });
  /** The one form-encoded request (§V5): Mobivate's key and Accept, the form's type. */
  const form = () =>
    nock(VORTEX_URL, {
      reqheaders: {
        authorization: `Bearer ${API_KEY}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
    });
  const taken = (message = 'A group with this name already exists') =>
    form()
      .post('/addressbook/groups', { name: 'Spring VIPs' })
      .reply(400, { success: false, error: message });
  const list = (records: unknown[], offset = 0) =>
    vortexScope()
      .get('/addressbook/groups')
      .query({ offset: String(offset), limit: '1000' })
      .reply(200, { success: true, records, offset, limit: 1000, total: records.length });

  it('outputs a new group with Already Existed = false', async () => {
    form()
      .post('/addressbook/groups')
      .reply(200, { success: true, record: { id: ID, name: 'Spring VIPs' } });
    expect((await create()).result).toEqual({
      id: ID,
      name: 'Spring VIPs',
      note: '',
      already_existed: false,
    });
  });

  it('outputs the group that has the name, with Already Existed = true', async () => {
    taken();
    list([
      { id: 'g-1', name: 'Autumn' },
      { id: ID, name: 'Spring VIPs' },
    ]);
    expect((await create()).result).toEqual({
      id: ID,
      name: 'Spring VIPs',
      note: '',
      already_existed: true,
    });
  });

  it('finds the one group whose name differs only in letter case', async () => {
    taken('The name has already been taken.');
    list([{ group_id: ID, name: 'spring vips' }]);
    expect((await create()).result).toMatchObject({ id: ID, already_existed: true });
  });

  it('says the name exists but the group could not be read, when no group has it', async () => {
    taken();
    list([{ id: 'g-1', name: 'Autumn' }]);
    expect(failure(await create())).toMatchObject({
      name: 'AppError',
      code: 'GroupNotFound',
      message:
        'Mobivate said a group named "Spring VIPs" already exists ("A group with this name already exists"), but the group could not be read: no group in the group list has this name. Nothing was created. Find the group by its name in the Mobivate hub (Contacts, Groups) to copy its id.',
    });
  });

  it('says so too when the group list cannot be read at all', async () => {
    taken();
    vortexScope()
      .get('/addressbook/groups')
      .query(true)
      .reply(404, { message: 'HTTP 404 Not Found' });
    expect(failure(await create())).toMatchObject({
      name: 'AppError',
      code: 'GroupNotFound',
      message: expect.stringMatching(
        /^Mobivate said a group named "Spring VIPs" already exists \("A group with this name already exists"\), but the group could not be read: reading the group list failed \(.*HTTP 404.*\)\. Nothing was created\./,
      ),
    });
  });

  it('says so when the list shows the name but not its id', async () => {
    taken();
    list([{ name: 'Spring VIPs' }, { id: 'g-1', name: 'Autumn' }]);
    expect(failure(await create()).message).toMatch(
      /but the group could not be read: the group list shows it, but its entry could not be read in full/,
    );
  });

  it('quotes any other refusal as the error it is, reading no list', async () => {
    form().post('/addressbook/groups').reply(400, { success: false, error: 'name is required' });
    expect(failure(await create())).toMatchObject({
      name: 'AppError',
      message: expect.stringMatching(/"name is required"/),
    });
  });
});
