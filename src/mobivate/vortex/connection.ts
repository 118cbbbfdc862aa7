import type { Generation } from '../generation';
import { checkKey } from '../shared/key-check';

/** Vortex answers 200 without a body, or with BulkSMS's message: nothing tells them apart (§V1). */
export const connection: Generation['connection'] = {
  test: (z, bundle) => checkKey(z, bundle, () => undefined),
};
