/** The Mobivate layer's one way in: capabilities said once, and checked before any request. */
import { errors, type Bundle, type ZObject } from 'zapier-platform-core';
import { bulkSms } from '../../src/mobivate/bulksms';
import type { Generation } from '../../src/mobivate/generation';
import { capabilitiesOf, mobivate } from '../../src/mobivate';
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
  it('says what a connection supports from its auth data alone', () => {
    expect(capabilitiesOf(authData())).toEqual(bulkSms.capabilities);
    expect(capabilitiesOf(vortexAuth())).toEqual(vortex.capabilities);
    // Connections made before the choice existed speak the BulkSMS API.
    expect(capabilitiesOf({ api_key: 'k' })).toEqual(bulkSms.capabilities);
  });

  it('stops an address-book step on a BulkSMS connection before any request', () => {
    const api = mobivate(z, bundleOf(authData()));
    expect(() => api.require('addressBook', 'Create Group')).toThrow(/Create Group needs a Vortex/);
    let thrown: unknown;
    try {
      void api.contacts;
    } catch (error) {
      thrown = error;
    }
    expect(failureOf(thrown as Error)).toMatchObject({
      name: 'AppError',
      code: 'NeedsVortex',
      message: expect.stringMatching(/^This step needs a Vortex connection/),
    });
  });

  it('stops a read of incoming messages on a Vortex connection before any request', () => {
    const api = mobivate(z, bundleOf(vortexAuth()));
    expect(() => api.messageLog.scan({ start: 0, end: 1 }, { direction: 'incoming' })).toThrow(
      /Vortex API has no way to read incoming messages/,
    );
    expect(() => api.require('addressBook', 'Create Group')).not.toThrow();
  });
});
