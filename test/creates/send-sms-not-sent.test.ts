/**
 * Send SMS when the text cannot go to the recipient (issue 22), through core's handler with nock
 * standing in for Mobivate, on both APIs: a recipient who opted out, a number Mobivate refused, a
 * number the app cannot use. If the Text Is Not Sent decides: `continue` (the default) outputs
 * Sent = false and why, `stop` halts quietly, `fail` is an error.
 */
import { authData, failure, mobivateScope, vortexAuth, vortexScope } from '../helpers';
import { runOn } from '../runner';

const METHOD = 'creates.send_sms.operation.perform';
const basic = { from: 'Acme', to: '+44 7700 900123', message: 'Welcome!' };

const APIS = [
  { api: 'BulkSMS', auth: authData, scope: () => mobivateScope() },
  { api: 'Vortex', auth: vortexAuth, scope: () => vortexScope() },
] as const;

const OPTED_OUT_REASON =
  '447700900123 has opted out of your messages (Mobivate: "Recipient is opted out: 447700900123"). Use Delete Opt-Out only if they asked to receive messages again.';
const REFUSED_REASON =
  'Mobivate accepted the request but did not send the text to 447700900123 (the message m-2 has the status REJECTED). Check the number, and the message log in the Mobivate hub.';

const optedOut = (scope: ReturnType<(typeof APIS)[number]['scope']>) =>
  scope
    .post('/send/single')
    .reply(403, { code: 403, message: 'Recipient is opted out: 447700900123' });
const refused = (scope: ReturnType<(typeof APIS)[number]['scope']>) =>
  scope.post('/send/single').reply(200, {
    success: true,
    record: { id: 'm-2', recipient: '447700900123', status: 'REJECTED' },
  });

/** What the step outputs for a text it did not send: the keys of a sent one, Sent = false. */
const notSent = (status: string, reason: string, recipient: string | null) => ({
  id: null,
  status,
  sent: false,
  not_sent_reason: reason,
  recipient,
  originator: 'Acme',
  body: 'Welcome!',
  reference: null,
  route_id: null,
  campaign_id: null,
  character_set: 'standard',
  parts: 1,
});

describe.each(APIS)('Send SMS on $api', ({ auth, scope }) => {
  describe.each([
    ['a recipient who opted out', optedOut, 'opted_out', OPTED_OUT_REASON, 'RecipientOptedOut'],
    ['a number Mobivate refused', refused, 'refused', REFUSED_REASON, 'RecipientRefused'],
  ])('%s', (_case, answer, status, reason, code) => {
    it.each([[{}], [{ if_not_sent: 'continue' }], [{ if_not_sent: ' CONTINUE ' }]])(
      'goes on with Sent = false and why, so later steps run (%j)',
      async (choice) => {
        answer(scope());
        const outcome = await runOn(auth(), METHOD, { ...basic, ...choice });
        expect(outcome.error).toBeUndefined();
        expect(outcome.result).toMatchObject(notSent(status, reason, '447700900123'));
      },
    );

    it('halts quietly with "Stop this run quietly"', async () => {
      answer(scope());
      const outcome = await runOn(auth(), METHOD, { ...basic, if_not_sent: 'stop' });
      expect(failure(outcome)).toEqual({ name: 'HaltedError', message: `Not sent: ${reason}` });
    });

    it('is an error with "Fail with an error"', async () => {
      answer(scope());
      const outcome = await runOn(auth(), METHOD, { ...basic, if_not_sent: 'fail' });
      expect(failure(outcome)).toMatchObject({
        name: 'AppError',
        code,
        message: `Not sent: ${reason}`,
      });
    });
  });

  describe('a number the app cannot use', () => {
    const to = { ...basic, to: '07700 900123' };
    const reason =
      'To "07700 900123" cannot be used: it has no country code. Write it with + and the country code, like +44 7700 900123, or choose a Default Country for national numbers.';

    // No nock scope: any request would be a stray and fail the test (test/setup.ts).
    it('goes on with Sent = false and why by default, sending nothing', async () => {
      const outcome = await runOn(auth(), METHOD, to);
      expect(outcome.result).toMatchObject(notSent('invalid_number', reason, null));
    });

    it('halts with "Stop this run quietly", as before issue 22', async () => {
      const outcome = await runOn(auth(), METHOD, { ...to, if_not_sent: 'stop' });
      expect(failure(outcome)).toEqual({ name: 'HaltedError', message: reason });
    });

    it('is an error with "Fail with an error"', async () => {
      const outcome = await runOn(auth(), METHOD, { ...to, if_not_sent: 'fail' });
      expect(failure(outcome)).toMatchObject({
        name: 'AppError',
        code: 'InvalidRecipient',
        message: reason,
      });
    });

    it('still stops on a Default Country that is not a country: a setting, not the record', async () => {
      const outcome = await runOn(auth(), METHOD, { ...to, default_country: 'Narnia' });
      expect(failure(outcome)).toMatchObject({ name: 'AppError', code: 'InvalidDefaultCountry' });
    });
  });

  it('says which choices there are for a value that is none of them, sending nothing', async () => {
    const outcome = await runOn(auth(), METHOD, { ...basic, if_not_sent: 'skip' });
    expect(failure(outcome)).toMatchObject({
      name: 'AppError',
      code: 'InvalidChoice',
      message:
        'If the Text Is Not Sent "skip" cannot be used: choose one of "stop", "continue", "fail", or leave it empty for "continue".',
    });
  });

  it('a text that was sent says so: Sent = true, no reason', async () => {
    scope()
      .post('/send/single')
      .reply(200, { success: true, record: { id: 'm-1' } });
    const outcome = await runOn(auth(), METHOD, basic);
    expect(outcome.result).toMatchObject({
      id: 'm-1',
      status: 'accepted',
      sent: true,
      not_sent_reason: null,
    });
  });
});
