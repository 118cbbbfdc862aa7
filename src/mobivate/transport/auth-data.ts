import type { AuthData } from '../types';

/** The connection's fields, typed: Zapier passes them as loose strings (authentication.ts). */
export const authDataOf = (bundle: { authData?: Record<string, unknown> }): AuthData => {
  const { api_key: key, api_url: url, api_platform: platform } = bundle.authData ?? {};
  return {
    api_key: typeof key === 'string' ? key : '',
    api_url: typeof url === 'string' ? url : undefined,
    // Connections made before the choice existed speak the BulkSMS API.
    api_platform:
      typeof platform === 'string' && platform.trim() === 'vortex' ? 'vortex' : 'bulksms',
  };
};
