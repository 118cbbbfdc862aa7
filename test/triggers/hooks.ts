/** What the three webhook triggers' tests share: subscribing and unsubscribing. */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { appTester, failure, makeBundle, mobivate } from '../helpers';

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

export const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/123/abc/';

/** A bundle as Zapier passes a hook's perform: the request it received, already parsed. */
export const hookBundle = (cleanedRequest: unknown, inputData: Record<string, unknown> = {}) => ({
  ...makeBundle(inputData),
  cleanedRequest,
});

export const describeSubscription = (
  path: string,
  performSubscribe: Perform,
  performUnsubscribe: Perform,
) => {
  const confirmed = { replace_registered_webhook: 'replace' };

  it(`subscribes by POSTing exactly {"url": targetUrl} to ${path}`, async () => {
    mobivate()
      .post(path, { url: TARGET_URL })
      .reply(200, { message: 'Webhook updated successfully' });

    const subscribeData = await appTester(performSubscribe, {
      ...makeBundle(confirmed),
      targetUrl: TARGET_URL,
    });

    expect(subscribeData).toEqual({
      event: path.split('/').pop(),
      url: TARGET_URL,
      registered_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('registers nothing until the user confirms the replacement', async () => {
    const result = await failure(
      appTester(performSubscribe, { ...makeBundle({}), targetUrl: TARGET_URL }),
    );
    expect(result).toMatchObject({ code: 'WebhookNotConfirmed' });
    expect(result.message).toMatch(/^Confirm "Replace the Registered Webhook"/);
  });

  it('passes Mobivate’s refusal on', async () => {
    mobivate().post(path).reply(401, { code: 401, message: 'Unauthorized' });
    const result = await failure(
      appTester(performSubscribe, { ...makeBundle(confirmed), targetUrl: TARGET_URL }),
    );
    expect(result.name).toBe('ExpiredAuthError');
  });

  it('fails on an answer that is not Mobivate’s', async () => {
    mobivate().post(path).reply(200, '<html>hello</html>');
    const result = await failure(
      appTester(performSubscribe, { ...makeBundle(confirmed), targetUrl: TARGET_URL }),
    );
    expect(result.code).toBe('MobivateUnexpectedAnswer');
  });

  it('unsubscribes without any request, so a Zap that registered later keeps receiving', async () => {
    // The test setup fails on any request that reaches nock unexpected.
    const result = await appTester(performUnsubscribe, {
      ...makeBundle(confirmed),
      subscribeData: { id: 'incoming' },
    });
    expect(result).toEqual({ unregistered: false });
  });
};
