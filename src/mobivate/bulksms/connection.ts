import type { Generation } from '../generation';
import { checkKey } from '../shared/key-check';

const VORTEX_ENVELOPE =
  'The API Address answered the connection test like Mobivate\'s Vortex API ({"success": …}), not the BulkSMS API this connection is set to. If Mobivate gave you a Vortex address and key, set Mobivate API to Vortex API.';

export const connection: Generation['connection'] = {
  test: (z, bundle) =>
    checkKey(z, bundle, (body) =>
      'success' in body || 'record' in body ? VORTEX_ENVELOPE : undefined,
    ),
};
