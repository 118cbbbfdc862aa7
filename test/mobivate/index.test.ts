/** The Mobivate layer's one way in: capabilities said once, and checked before any request. */
import { errors, type Bundle, type ZObject } from 'zapier-platform-core';
import { bulkSms } from '../../src/mobivate/bulksms';
import type { Generation } from '../../src/mobivate/generation';
import { capabilitiesFor, mobivate } from '../../src/mobivate';
import { vortex } from '../../src/mobivate/vortex';
import { authData, failureOf, vortexAuth } from '../helpers';

const z = { errors } as unknown as ZObject;
const bundleOf = (auth: Record<string, string | undefined>) => ({ authData: auth }) as Bundle;

describe.each([
  ['BulkSMS', bulkSms],
  ['Vortex', vortex],
] as [string, Generation][])('%s', (_name, generation) => {
  it('has the address book exactly where its capabilities say so', () => {
    const parts = [generation.contacts, generation.groups, generation.campaigns];
    expect(parts.map((part) => part !== undefined)).toEqual(
      parts.map(() => generation.capabilities.addressBook),
    );
  });
});

describe('mobivate(z, bundle)', () => {
  const z2 = { errors, console: { log: () => undefined } } as unknown as ZObject;
  it('says what a connection supports from its auth data alone, when it names the API or host', async () => {
    expect(await capabilitiesFor(z2, bundleOf(authData()))).toEqual(bulkSms.capabilities);
    expect(await capabilitiesFor(z2, bundleOf(vortexAuth()))).toEqual(vortex.capabilities);
    // The host alone says which API.
    const vortexHost = { api_key: 'k', api_url: 'https://vortex.mobivatebulksms.com' };
    expect(await capabilitiesFor(z2, bundleOf(vortexHost))).toEqual(vortex.capabilities);
    // Another address, with no API named, speaks BulkSMS, as connections made before the choice.
    const other = { api_key: 'k', api_url: 'https://sms.example.com' };
    expect(await capabilitiesFor(z2, bundleOf(other))).toEqual(bulkSms.capabilities);
  });

  it('has the same methods in each part of both generations, so one binding serves both', () => {
    for (const part of ['connection', 'optOuts', 'messages', 'messageLog'] as const) {
      expect(Object.keys(bulkSms[part]).sort()).toEqual(Object.keys(vortex[part]).sort());
    }
  });

  it('stops an address-book step on a BulkSMS connection before any request', async () => {
    const api = mobivate(z, bundleOf(authData()));
    await expect(api.require('addressBook', 'Create Group')).rejects.toThrow(
      /Create Group needs a Vortex/,
    );
    const thrown = await api.contacts.remove('1').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failureOf(thrown as Error)).toMatchObject({
      name: 'AppError',
      code: 'NeedsVortex',
      message: expect.stringMatching(/^This step needs a Vortex connection/),
    });
  });

  it('stops a read of incoming messages on a Vortex connection before any request', async () => {
    const api = mobivate(z, bundleOf(vortexAuth()));
    await expect(
      api.messageLog.scan({ start: 0, end: 1 }, { direction: 'incoming' }),
    ).rejects.toThrow(/Vortex API has no way to read incoming messages/);
    await expect(api.require('addressBook', 'Create Group')).resolves.toBeUndefined();
  });
});
