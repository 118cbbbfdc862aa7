import { perform } from '../../src/creates/create-group';
import { appTester, failure, makeBundle, vortexAuth } from '../helpers';

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
