import type { ApiPlatform, AuthData } from '../types';

/** The connection's fields once the API it speaks is known (detect.ts), per step's bundle. */
const resolved = new WeakMap<object, AuthData>();

export const rememberResolved = (bundle: object, authData: AuthData): void =>
  void resolved.set(bundle, authData);

/** What the connection's Mobivate API field says: a choice, or "detect" (empty, `auto`). */
export const chosenPlatform = (bundle: {
  authData?: Record<string, unknown>;
}): ApiPlatform | 'auto' => {
  const platform = bundle.authData?.api_platform;
  const chosen = typeof platform === 'string' ? platform.trim() : '';
  return chosen === 'vortex' || chosen === 'bulksms' ? chosen : 'auto';
};

/**
 * The connection's fields, typed: Zapier passes them as loose strings (authentication.ts). Once
 * detect.ts has resolved the connection for this step, its API and address; before, the API the
 * connection names, BulkSMS otherwise (as connections made before the choice existed).
 */
export const authDataOf = (bundle: { authData?: Record<string, unknown> }): AuthData => {
  const known = resolved.get(bundle);
  if (known) return known;
  const { api_key: key, api_url: url } = bundle.authData ?? {};
  const platform = chosenPlatform(bundle);
  return {
    api_key: typeof key === 'string' ? key : '',
    api_url: typeof url === 'string' && url.trim() ? url : undefined,
    api_platform: platform === 'auto' ? 'bulksms' : platform,
  };
};
