import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { RECONNECT_HELP, mobivateError, unexpectedAnswer, whatMobivateSaid } from './errors';
import { DEFAULT_API_URL, PATHS } from './mobivate';
import { apiOrigin, callMobivate } from './request';

/**
 * `GET /auth/test` sends nothing and costs nothing (§1.2). G1 documents 200
 * {"message":"API Key is valid"}, G2 a 200 without a body (§1.3, §9 #19): accept either, but not
 * a web page or anything else that shows the API Address is not Mobivate's API.
 */
export const testConnection = async (z: ZObject, bundle: Bundle) => {
  const answer = await callMobivate(z, bundle, {
    method: 'GET',
    path: PATHS.authTest,
    handles: [400, 401, 403],
  });
  // A 200 whose body says it failed is a refusal of the key too (docs/truthful-outcomes.md).
  const refusedIn2xx = answer.status !== answer.httpStatus;
  if (answer.status >= 400 && answer.status !== 401 && !refusedIn2xx) {
    throw mobivateError(z, answer, bundle);
  }
  if (answer.status >= 400) {
    const said = answer.content.trim() ? ` (${whatMobivateSaid(answer, bundle)})` : '';
    throw new z.errors.Error(
      `Mobivate did not accept this API key${said}. Check that you copied the whole key, that it has not been replaced by a newer one, and that the API Address is the one Mobivate gave your account. ${RECONNECT_HELP}`,
      'AuthenticationError',
      answer.status,
    );
  }
  const body: unknown = answer.content.trim() === '' ? {} : answer.data;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw unexpectedAnswer(z, answer, bundle, 'a JSON answer from the Mobivate API');
  }
  const message = (body as { message?: unknown }).message;
  return {
    host: new URL(apiOrigin(z, bundle)).host,
    message: typeof message === 'string' && message.trim() ? message.trim() : 'API Key is valid',
  };
};

/**
 * Tells two connections apart without any part of the key (Zapier's publishing rules forbid even
 * a fragment): the API Address when it is not the default one. Otherwise nothing distinguishes the
 * connection, and no label is better than a misleading one.
 */
export const connectionLabel = async (z: ZObject, bundle: Bundle): Promise<string> => {
  const host = new URL(apiOrigin(z, bundle)).host;
  return host === new URL(DEFAULT_API_URL).host ? '' : host;
};

export default {
  type: 'custom',
  fields: [
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
      helpText: `Leave as \`${DEFAULT_API_URL}\` unless Mobivate gave your account another API address ([Mobivate's API documentation](https://wiki.mobivatebulksms.com) says it is provided on request). Only \`https://\` and the host name (and port), with no path.`,
    },
  ],
  test: testConnection,
  connectionLabel,
} satisfies Authentication;
