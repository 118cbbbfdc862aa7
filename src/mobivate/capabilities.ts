import type { ZObject } from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import type { Capability } from './types';

/**
 * The error for a step that needs what the connection's API does not have, raised before any
 * request (docs/mobivate-api.md says which API has what).
 */
export const capabilityError = (z: ZObject, capability: Capability, step: string): Error => {
  switch (capability) {
    case 'incomingMessages':
      return appError(
        z,
        'NotOnVortex',
        "Mobivate's Vortex API has no way to read incoming messages: on Vortex, replies go to Mobivate's Flow rules (in the Mobivate hub: forward them to email, auto-reply, or opt the sender out). This trigger works on a BulkSMS API connection only.",
      );
    case 'routes':
      return appError(
        z,
        'NotOnVortex',
        `${step} needs a BulkSMS API connection: Mobivate's Vortex API has no routes or campaigns to send through. Nothing was sent to Mobivate.`,
      );
    case 'addressBook':
      return appError(
        z,
        'NeedsVortex',
        `${step} needs a Vortex connection: this connection uses the BulkSMS API, which has no address book, contact groups, aliases or templates. Nothing was sent to Mobivate. To use this step, connect with a Vortex API key and set Mobivate API to Vortex API in the connection.`,
      );
  }
};
