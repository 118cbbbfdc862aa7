import { perform } from '../../src/creates/delete-optout';
import { API_KEY, appTester, failure, makeBundle, mobivateScope } from '../helpers';

const record = { mobile: '447700900123', note: 'MO', created: 1672704203000 };
const notOnList = { code: 404, message: 'Mobile number not found in optout list' };
const run = (inputData: Record<string, unknown>) => appTester(perform, makeBundle(inputData));

describe('Delete Opt-Out', () => {
  it('sends DELETE /addressbook/optout with the normalised number and outputs the removed record', async () => {
    mobivateScope().delete('/addressbook/optout', { mobile: '447700900123' }).reply(200, record);

    const output = await run({ mobile: '+44 (0) 7700-900123' });

    expect(output).toEqual({
      mobile: '447700900123',
      mobile_e164: '+447700900123',
      note: 'MO',
      source: 'Replied with an opt-out keyword',
      created: '2023-01-03T00:03:23.000Z',
      removed: true,
    });
  });

  it('reads a national number with the Default Country', async () => {
    mobivateScope()
      .delete('/addressbook/optout', { mobile: '14155550132' })
      .reply(200, {
        ...record,
        mobile: '14155550132',
      });

    const output = await run({ mobile: '(415) 555-0132', default_country: 'US' });

    expect(output).toMatchObject({ mobile: '14155550132', removed: true });
  });

  it.each([
    ['07700 900123', undefined, /"07700 900123" cannot be used: it has no country code/],
    ['4.47700900123E+11', undefined, /scientific notation/],
    ['call me', undefined, /contains characters that are not part of a phone number/],
    ['+44 7700', undefined, /too short/],
  ])(
    'halts on %j before sending anything (a bad value of the record)',
    async (mobile, country, message) => {
      const result = await failure(run({ mobile, default_country: country }));
      expect(result.name).toBe('HaltedError');
      expect(result.message).toMatch(message);
      expect(result.message).toMatch(/^Mobile Number "/);
    },
  );

  describe('when the number is not on the opt-out list (404 with Mobivate error body)', () => {
    it('continues with removed: false by default', async () => {
      mobivateScope()
        .delete('/addressbook/optout', { mobile: '447700900999' })
        .reply(404, notOnList);

      const output = await run({ mobile: '+447700900999' });

      expect(output).toEqual({
        mobile: '447700900999',
        mobile_e164: '+447700900999',
        note: null,
        source: null,
        created: null,
        removed: false,
      });
    });

    it('continues when asked to explicitly', async () => {
      mobivateScope()
        .delete('/addressbook/optout', { mobile: '447700900999' })
        .reply(404, notOnList);
      const output = await run({ mobile: '+447700900999', when_not_opted_out: 'continue' });
      expect(output).toMatchObject({ removed: false });
    });

    it('fails with Mobivate’s message when asked to', async () => {
      mobivateScope()
        .delete('/addressbook/optout', { mobile: '447700900999' })
        .reply(404, notOnList);

      const result = await failure(run({ mobile: '+447700900999', when_not_opted_out: 'fail' }));

      expect(result).toMatchObject({ name: 'AppError', code: 'NotOptedOut', status: 404 });
      expect(result.message).toContain('447700900999 is not on the Mobivate opt-out list');
      expect(result.message).toContain('Mobile number not found in optout list');
    });
  });

  describe('the route contradiction (heading /addressbook/optout, examples /optout)', () => {
    it.each([
      [404, 'an HTML 404 page', '<html><body>Not Found</body></html>'],
      [404, 'an empty 404', ''],
      [405, 'a 405', { code: 405, message: 'Method Not Allowed' }],
    ])('retries once at /optout after %s (%s)', async (status, _what, body) => {
      mobivateScope().delete('/addressbook/optout', { mobile: '447700900123' }).reply(status, body);
      mobivateScope().delete('/optout', { mobile: '447700900123' }).reply(200, record);

      const output = await run({ mobile: '447700900123' });

      expect(output).toMatchObject({ mobile: '447700900123', removed: true });
    });

    it('reads a JSON 404 from /optout as "not on the list"', async () => {
      mobivateScope().delete('/addressbook/optout').reply(404, 'Not Found');
      mobivateScope().delete('/optout', { mobile: '447700900123' }).reply(404, notOnList);

      const output = await run({ mobile: '447700900123' });

      expect(output).toMatchObject({ removed: false });
    });

    it('fails, never reporting success, when neither route exists', async () => {
      mobivateScope().delete('/addressbook/optout').reply(404, '<html>Not Found</html>');
      mobivateScope().delete('/optout').reply(405, '');

      const result = await failure(run({ mobile: '447700900123' }));

      expect(result).toMatchObject({ name: 'AppError', code: 'OptOutEndpointNotFound' });
      expect(result.message).toMatch(/Removing opt-outs is not possible at this API Address/);
      expect(result.message).toContain(
        'Nothing was removed, and whether 447700900123 is opted out is unknown',
      );
    });

    it('does not retry after other errors', async () => {
      mobivateScope()
        .delete('/addressbook/optout')
        .reply(400, { code: 400, message: 'Invalid mobile number' });

      const result = await failure(run({ mobile: '447700900123' }));

      expect(result.message).toContain('Invalid mobile number');
    });
  });

  describe('answers that are not what the docs promise', () => {
    it.each([
      ['an empty object', {}],
      ['null', null],
      ['an array', [record]],
      ['a record without created', { mobile: '447700900123', note: 'API' }],
    ])('fails on a 200 with %s', async (_what, body) => {
      mobivateScope().delete('/addressbook/optout').reply(200, JSON.stringify(body), {
        'Content-Type': 'application/json',
      });

      const result = await failure(run({ mobile: '447700900123' }));

      expect(result).toMatchObject({ name: 'AppError', code: 'MobivateUnexpectedAnswer' });
      expect(result.message).toMatch(/not with the deleted opt-out/);
    });

    it('fails on a 200 web page and quotes it briefly', async () => {
      mobivateScope()
        .delete('/addressbook/optout')
        .reply(
          200,
          `<html><head><style>p{}</style></head><body><p>Welcome ${'x'.repeat(500)}</p></body></html>`,
        );

      const result = await failure(run({ mobile: '447700900123' }));

      expect(result.message).toMatch(/"Welcome x+…"/);
      expect(result.message).not.toContain('<');
      expect(result.message.length).toBeLessThan(600);
    });
  });

  it('never puts the API key in a message, even when Mobivate echoes it', async () => {
    mobivateScope().delete('/addressbook/optout').reply(500, `upstream rejected Bearer ${API_KEY}`);

    const result = await failure(run({ mobile: '447700900123' }));

    expect(result.message).not.toContain(API_KEY);
    expect(result.message).toContain(':censored:');
  });
});
