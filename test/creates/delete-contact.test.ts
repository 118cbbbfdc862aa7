/**
 * Delete Contact on a Vortex connection, through core's handler (docs/mobivate-api.md §V5): by the
 * number in the path (§9 #26), and a 404 that means "no such contact" only in Mobivate's words.
 */
import { authData, failure, vortexAuth, vortexScope } from '../helpers';
import { runMethod, runOn } from '../runner';

const METHOD = 'creates.delete_contact.operation.perform';
const remove = (inputs: Record<string, unknown> = {}) =>
  runOn(vortexAuth(), METHOD, { mobile: '+44 7700 900123', ...inputs });
const request = () =>
  vortexScope().delete(
    '/addressbook/contacts/447700900123',
    (body) => body === '' || body === undefined,
  );

describe('Delete Contact', () => {
  it('sends DELETE with the number in the path and no body', async () => {
    request().reply(200, { success: true });
    expect((await remove()).result).toEqual({
      mobile: '447700900123',
      mobile_e164: '+447700900123',
      deleted: true,
    });
  });

  it('reads a 404 in Mobivate’s words as "no such contact", by the choice', async () => {
    request().reply(404, { success: false, error: { message: 'Contact not found' } });
    expect((await remove()).result).toEqual({
      mobile: '447700900123',
      mobile_e164: '+447700900123',
      deleted: false,
    });
    request().reply(404, { success: false, error: { message: 'Contact not found' } });
    const outcome = await remove({ when_not_found: 'FAIL' });
    expect(failure(outcome).message).toMatch(
      /^No contact in the Mobivate address book has the number 447700900123, so there was nothing to delete \(Mobivate said "Contact not found"\)/,
    );
    expect(JSON.parse(outcome.error!.message)).toMatchObject({ code: 'ContactNotFound' });
  });

  it.each([
    ['a web page', '<html><h1>404 Not Found</h1></html>'],
    ['a framework', { error: 'Cannot DELETE /addressbook/contacts/447700900123' }],
    ['a bare phrase', { error: 'Not Found' }],
  ])('does not read %s as "no such contact"', async (_what, body) => {
    request().reply(404, body);
    const outcome = await remove();
    expect(outcome.result).toBeUndefined();
    expect(failure(outcome).message).toMatch(/HTTP 404.*Check the API Address/);
  });

  it('does not count a 200 it does not recognise as deleted', async () => {
    request().reply(200, 'OK');
    expect(failure(await remove()).message).toMatch(/but not with \{"success": true\}/);
  });

  it('names the missing permission of a 403', async () => {
    request().reply(403, {
      error: 'API Key is not permitted to perform this action. (delete:Contacts)',
    });
    expect(failure(await remove()).message).toMatch(/lacks the permission delete:Contacts/);
  });

  it('refuses a choice it does not know, before any request', async () => {
    const outcome = await remove({ when_not_found: 'maybe' });
    expect(failure(outcome).message).toMatch(/If There Is No Such Contact "maybe" cannot be used/);
  });

  it('says on a BulkSMS connection that it needs Vortex, sending nothing', async () => {
    const outcome = await runMethod(METHOD, {
      authData: authData(),
      inputData: { mobile: '+447700900123' },
      meta: {},
    } as never);
    expect(JSON.parse(outcome.error!.message)).toMatchObject({
      code: 'NeedsVortex',
      message: expect.stringMatching(
        /Set Mobivate API to Vortex API|set Mobivate API to Vortex API/,
      ),
    });
  });
});
