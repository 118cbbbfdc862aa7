import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { DEFAULT_API_URL, mobivate } from './mobivate';

/** The connection test: Mobivate's answer to its key check, and the host it was sent to. */
export const testConnection = async (z: ZObject, bundle: Bundle) => {
  const api = mobivate(z, bundle);
  const { message } = await api.connection.test();
  return { host: new URL(api.origin()).host, message };
};

const PLATFORM_NAMES = { bulksms: 'BulkSMS API', vortex: 'Vortex API' } as const;

/**
 * Tells two connections apart without any part of the key (Zapier's publishing rules forbid even
 * a fragment): which API the connection speaks, and its address when it is not the default one.
 */
export const connectionLabel = async (z: ZObject, bundle: Bundle): Promise<string> => {
  const connection = mobivate(z, bundle);
  const host = new URL(connection.origin()).host;
  const api = PLATFORM_NAMES[connection.supports.api];
  return host === new URL(DEFAULT_API_URL).host ? api : `${api} · ${host}`;
};

export default {
  type: 'custom',
  fields: [
    {
      key: 'api_platform',
      label: 'Mobivate API',
      type: 'string',
      required: false,
      default: 'bulksms',
      choices: [
        { value: 'bulksms', sample: 'bulksms', label: 'BulkSMS API — api.mobivatebulksms.com' },
        { value: 'vortex', sample: 'vortex', label: 'Vortex API — the address Mobivate gave you' },
      ],
      helpText:
        'Which of Mobivate’s two APIs your key is for. Keys made in the [Mobivate hub](https://hub.mobivate.com) with permissions such as `create:SingleSMS` are usually **Vortex** keys: choose Vortex and enter the API Address Mobivate gave you. New Incoming SMS works on the BulkSMS API only: Vortex has no way to read incoming messages.',
    },
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText:
        'Create a key in the [Mobivate hub](https://hub.mobivate.com): click the cog icon, then **User Profile → API Keys → New API Key**. Mobivate shows a key only once, so copy it straight away. Give it the permissions of the steps you will use (for example `read:Optouts`, `create:Optouts`, `delete:Optouts`).',
    },
    {
      key: 'api_url',
      label: 'API Address',
      type: 'string',
      required: false,
      default: DEFAULT_API_URL,
      helpText: `For the BulkSMS API, leave as \`${DEFAULT_API_URL}\` unless Mobivate gave your account another API address; for the Vortex API, required: the address Mobivate gave you (for example \`https://vortex.mobivatebulksms.com\`) ([Mobivate's API documentation](https://wiki.mobivatebulksms.com) says it is provided on request). Only \`https://\` and the host name (and port), with no path.`,
    },
  ],
  test: testConnection,
  connectionLabel,
} satisfies Authentication;
