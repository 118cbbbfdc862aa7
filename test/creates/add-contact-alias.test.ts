/**
 * Add or Update Contact without an alias (issue 22), through core's handler with nock standing in
 * for Mobivate: the alias is the number's international digits, and a contact that exists keeps
 * the alias it has.
 */
import { vortexAuth, vortexScope } from '../helpers';
import { runOn } from '../runner';

const METHOD = 'creates.add_contact.operation.perform';
const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('Add or Update Contact: an empty alias', () => {
  it.each([[undefined], [''], ['   '], [null]])(
    'is derived from the number (%j): its digits with the country code',
    async (alias) => {
      vortexScope()
        .post('/addressbook/contacts', { alias: '447700900123', msisdn: '447700900123', meta: {} })
        .reply(200, {
          success: true,
          record: { id: ID, alias: '447700900123', msisdn: '447700900123' },
        });
      const outcome = await runOn(vortexAuth(), METHOD, {
        mobile: '07700 900123',
        default_country: 'GB',
        alias,
      });
      expect(outcome.error).toBeUndefined();
      expect(outcome.result).toMatchObject({
        id: ID,
        alias: '447700900123',
        mobile: '447700900123',
        action: 'created',
      });
    },
  );

  it('never replaces the alias of a contact that has the number', async () => {
    vortexScope()
      .post('/addressbook/contacts')
      .reply(400, {
        success: false,
        error: { message: 'A contact with this msisdn already exists' },
      });
    vortexScope()
      .get('/addressbook/contacts')
      .query(true)
      .reply(200, {
        type: 'Contacts',
        results: [{ id: ID, alias: 'jane-doe', msisdn: '447700900123', meta: { CITY: 'Leeds' } }],
        matches: 1,
      });
    vortexScope()
      .post(`/addressbook/contacts/${ID}`, {
        msisdn: '447700900123',
        alias: 'jane-doe',
        meta: { CITY: 'Leeds', FIRSTNAME: 'Jane' },
      })
      .reply(200, { success: true });
    const outcome = await runOn(vortexAuth(), METHOD, {
      mobile: '+44 7700 900123',
      fields: { FIRSTNAME: 'Jane' },
    });
    expect(outcome.result).toMatchObject({ id: ID, alias: 'jane-doe', action: 'updated' });
  });
});
