import { checkKey } from '../http/key-check';
import type { MobivateApi } from '../types';

/** Vortex answers 200 without a body, or with BulkSMS's message: nothing tells them apart (§V1). */
export const connection: MobivateApi['connection'] = {
  test: (z, bundle) => checkKey(z, bundle, () => undefined),
};
