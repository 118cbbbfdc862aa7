import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { PERMISSIONS_HELP } from './common/permissions';
import { API_NAMES, DEFAULT_API_URL, VORTEX_API_URL, checkConnection, mobivate } from './mobivate';

/**
 * The connection test: Mobivate's answer to its key check, which API the key belongs to (detected
 * when the connection does not say, docs/connection.md), and the host it was sent to.
 */
export const testConnection = async (z: ZObject, bundle: Bundle) => {
  const { platform, message, account } = await checkConnection(z, bundle);
  const host = new URL(await mobivate(z, bundle).origin()).host;
  return { api: API_NAMES[platform], host, message, ...(account ? { account } : {}) };
};

const DEFAULT_HOSTS = new Set([new URL(DEFAULT_API_URL).host, new URL(VORTEX_API_URL).host]);

/**
 * Tells two connections apart without any part of the key (publishing rule 5.6 forbids even a
 * fragment, and a hard-coded name): the account name if Mobivate's key check gives one, else the
 * host when it is not one of Mobivate's own, else no label. Gets the test's result as inputData.
 */
export const connectionLabel = async (_z: ZObject, bundle: Bundle): Promise<string> => {
  const { account, host } = bundle.inputData as { account?: unknown; host?: unknown };
  if (typeof account === 'string' && account) return account;
  return typeof host === 'string' && !DEFAULT_HOSTS.has(host) ? host : '';
};

export default {
  type: 'custom',
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText: `Create a key in the [Mobivate hub](https://hub.mobivate.com): click the cog icon, then **User Profile → API Keys → New API Key**. Mobivate shows a key only once, so copy it straight away. ${PERMISSIONS_HELP}`,
    },
    {
      key: 'api_platform',
      label: 'Mobivate API',
      type: 'string',
      required: false,
      default: 'auto',
      choices: [
        { value: 'auto', sample: 'auto', label: 'Detect from the key (recommended)' },
        { value: 'vortex', sample: 'vortex', label: 'Vortex API' },
        { value: 'bulksms', sample: 'bulksms', label: 'BulkSMS API' },
      ],
      helpText:
        'Leave on **Detect from the key**: the app asks Mobivate which of its two APIs a key made in the [Mobivate hub](https://hub.mobivate.com) belongs to. Choose an API only if Mobivate gave your account its own API address. New Incoming SMS works on the BulkSMS API only; contacts, groups and templates on the Vortex API only.',
    },
    {
      key: 'api_url',
      label: 'API Address',
      type: 'string',
      required: false,
      helpText: `Leave empty unless Mobivate gave your account its own API address. Empty means Mobivate's own: \`${VORTEX_API_URL}\` for the Vortex API, \`${DEFAULT_API_URL}\` for the BulkSMS API. Only \`https://\` and the host name (and port), with no path ([Mobivate's API documentation](https://wiki.mobivatebulksms.com) says a Vortex address is given on request).`,
    },
  ],
  test: testConnection,
  connectionLabel,
} satisfies Authentication;
