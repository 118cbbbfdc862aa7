import {
  perform,
  performList,
  performSubscribe,
  performUnsubscribe,
} from '../../src/triggers/new-link-click';
import { appTester, makeBundle } from '../helpers';
import { describeSubscription, hookBundle } from './hooks';

const payload = {
  mobile: '4400001234',
  messageId: '9AEC3BB90A000A9D2FBD467178FF6827',
  batchId: '9AEC3B590A000A9D2FBD4671C4D151BF',
  clientRef: 'ref-001',
  browser: 'Safari',
  country: 'United Kingdom',
  ipAddress: '1.1.1.1',
  iso2l: 'UK',
  os: 'Mac OS X',
  url: 'http://vimeo.com/751393851?autoplay=1',
};

describe('New Link Click', () => {
  describe('perform', () => {
    it('outputs the payload with a derived id, the time received and an ISO country code', async () => {
      const before = Date.now();
      const [item] = (await appTester(perform, hookBundle(payload))) as Record<string, string>[];
      expect(item).toEqual({
        ...payload,
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        received_at: expect.any(String),
        country_code: 'GB',
      });
      expect(Date.parse(item!.received_at!)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('gives a replay of the same click the same id, and another click another id', async () => {
      const id = async (body: unknown) =>
        ((await appTester(perform, hookBundle(body))) as { id: string }[])[0]!.id;
      expect(await id(payload)).toBe(await id({ ...payload }));
      expect(await id(payload)).not.toBe(await id({ ...payload, ipAddress: '2.2.2.2' }));
    });

    it('reads a click that carries only a numeric mobile', async () => {
      const [item] = (await appTester(
        perform,
        hookBundle({ mobile: 61412345678, url: 'https://acme.example/sale' }),
      )) as Record<string, unknown>[];
      expect(item).toMatchObject({
        mobile: '61412345678',
        messageId: null,
        url: 'https://acme.example/sale',
      });
    });

    it.each([
      ['without a url', { ...payload, url: undefined }],
      ['without message or mobile', { url: 'https://x.example' }],
      ['a number', 7],
    ])('skips a payload %s', async (_what, body) => {
      await expect(appTester(perform, hookBundle(body))).resolves.toEqual([]);
    });
  });

  describe('performList', () => {
    it('shows nothing, since Mobivate keeps no list of clicks (the editor offers the sample)', async () => {
      await expect(appTester(performList, makeBundle({}))).resolves.toEqual([]);
    });
  });

  describeSubscription('/webhooks/click', performSubscribe, performUnsubscribe);
});
