/**
 * Replay-safe Send SMS (issue 24, docs/replays.md): with a Reference, a text sent before with it
 * to the same number is not sent again. Through core's handler, on both APIs.
 */
import { authData, mobivateScope, vortexAuth, vortexScope, failure } from '../helpers';
import { loggedMessage } from '../fixtures';
import { runOn, userMessage } from '../runner';

const SEND = 'creates.send_sms.operation.perform';
const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const sms = { from: 'Acme', to: '+44 7700 900123', message: 'Welcome!', reference: 'form-881' };

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

/** The BulkSMS log of sent messages for the last 24 hours (and a day ahead). */
const bulkLog = () =>
  mobivateScope().get('/message').query({
    startDate: '2026-12-05T12:00:00+0000',
    endDate: '2026-12-07T12:00:00+0000',
    direction: 'MT',
    page: '1',
    pageSize: '1000',
  });
const earlier = loggedMessage({
  id: 'E1',
  recipient: '447700900123',
  senderReference: 'form-881',
  status: 'DELIVERED',
  created: '2026-12-06T09:30:00+0000',
});

describe('Send SMS with a Reference, on BulkSMS', () => {
  it('sends nothing when replayed, and returns the earlier text', async () => {
    bulkLog().reply(200, [loggedMessage({ id: 'X', recipient: '447700900999' }), earlier]);

    const { result } = await runOn(authData(), SEND, sms);

    expect(result).toMatchObject({
      id: 'E1',
      status: 'DELIVERED',
      sent: false,
      already_sent: true,
      first_sent_at: '2026-12-06T09:30:00.000Z',
      recipient: '447700900123',
      reference: 'form-881',
      not_sent_reason:
        'A text with the Reference "form-881" went to this number at 2026-12-06T09:30:00.000Z: it was not sent again.',
    });
  });

  it('sends to another recipient with the same Reference', async () => {
    bulkLog().reply(200, [earlier]);
    mobivateScope()
      .post(
        '/send/single',
        (body) => body.recipient === '447700900456' && body.reference === 'form-881',
      )
      .reply(200, { id: 'N1', recipient: '447700900456', reference: 'form-881' });

    const { result } = await runOn(authData(), SEND, { ...sms, to: '+44 7700 900456' });

    expect(result).toMatchObject({
      id: 'N1',
      sent: true,
      already_sent: false,
      first_sent_at: null,
    });
  });

  it('sends nothing when a page of the log fails, and says running again is safe', async () => {
    bulkLog().reply(
      200,
      Array.from({ length: 1000 }, (_, i) => loggedMessage({ id: `M${i}` })),
    );
    mobivateScope()
      .get('/message')
      .query((q) => q.page === '2')
      .reply(502, 'Bad Gateway');
    mobivateScope()
      .get('/message')
      .query((q) => Number(q.page) > 2)
      .optionally()
      .times(3)
      .reply(200, []);

    const outcome = await runOn(authData(), SEND, sms);

    expect(failure(outcome).code).toBe('DuplicateCheckIncomplete');
    expect(userMessage(outcome.error!).message).toMatch(
      /^Nothing was sent: the check for an earlier text with the same Reference could not finish, because reading the message log failed \(.*502.*\)\. Running this step again is safe\.$/,
    );
  });

  it('sends nothing when the window’s log is longer than one step may read (50,000 texts)', async () => {
    mobivateScope()
      .get('/message')
      .query(true)
      .times(50)
      .reply((uri) => {
        const page = new URL(uri, 'https://x').searchParams.get('page');
        return [
          200,
          Array.from({ length: 1000 }, (_, i) => loggedMessage({ id: `P${page}-${i}` })),
        ];
      });

    const outcome = await runOn(authData(), SEND, sms);

    expect(userMessage(outcome.error!).message).toBe(
      'Nothing was sent: the check for an earlier text with the same Reference could not finish, because the log of the window is longer than one step can read (50,000 messages of the last 24 hours read in 50 requests; one step checks at most 50,000). Running this step again is safe. To send without the check, set If Already Sent to "Send anyway", or shorten Duplicate Window.',
    );
  }, 30_000);

  it('reads Mobivate’s refusal of a repeated Reference as already sent', async () => {
    bulkLog().reply(200, []);
    mobivateScope()
      .post('/send/single')
      .reply(400, { code: 400, message: 'Duplicate reference: form-881 has already been used' });

    const { result } = await runOn(authData(), SEND, sms);

    expect(result).toMatchObject({ sent: false, already_sent: true, status: 'already_sent' });
    expect((result as { not_sent_reason: string }).not_sent_reason).toMatch(
      /^Mobivate refused the Reference "form-881" as used before \(/,
    );
  });

  it('sends exactly today’s one request without a Reference, or with “Send anyway”', async () => {
    mobivateScope().post('/send/single').twice().reply(200, { id: 'N2' });

    const without = await runOn(authData(), SEND, { ...sms, reference: '' });
    const anyway = await runOn(authData(), SEND, { ...sms, if_already_sent: 'send' });

    expect(without.result).toMatchObject({ id: 'N2', sent: true, already_sent: false });
    expect(anyway.result).toMatchObject({ id: 'N2', sent: true, already_sent: false });
  });

  it('refuses a Duplicate Window beyond 72 hours before any request', async () => {
    const outcome = await runOn(authData(), SEND, { ...sms, duplicate_window_hours: 100 });
    expect(failure(outcome).code).toBe('InvalidDuplicateWindow');
  });
});

describe('Send SMS with a Reference, on Vortex', () => {
  const history = () =>
    vortexScope().get('/messages/history').query({
      fromDate: '2026-12-05',
      toDate: '2026-12-08',
      offset: '0',
      limit: '1000',
    });
  const vortexSms = { ...sms, to: '+61 412 345 678' };

  it('finds the earlier text by the history’s reference', async () => {
    history().reply(200, {
      results: [
        {
          id: 'h-1',
          recipient: '61412345678',
          reference: 'form-881',
          status: 'DELIVERED',
          created_at: '2026-12-06T08:00:00.000Z',
        },
      ],
      matches: 1,
    });

    const { result } = await runOn(vortexAuth(), SEND, vortexSms);

    expect(result).toMatchObject({ id: 'h-1', already_sent: true, sent: false });
  });

  it('says the check cannot run on a history that carries no references', async () => {
    history().reply(200, {
      success: true,
      records: [
        {
          id: 'h-2',
          recipient: '61412345678',
          status: 'Delivered',
          sent_on: '2026-12-06T08:00:00.000Z',
        },
      ],
      total: 1,
    });

    const outcome = await runOn(vortexAuth(), SEND, vortexSms);

    expect(userMessage(outcome.error!).message).toMatch(
      /could not finish, because the message history Mobivate answers with for this account carries no references/,
    );
  });
});
