import type { Bundle, ZObject } from 'zapier-platform-core';
import { appError } from '../../common/error-codes';
import { statedError } from '../transport/answer';
import {
  RECONNECT_HELP,
  mobivateError,
  unexpectedAnswer,
  whatMobivateSaid,
} from '../transport/errors';
import { callMobivate } from '../transport/request';
import { scrubSecrets } from '../transport/secrets';
import { says } from '../words';
import { isObject } from './records';

/**
 * `GET /auth/test` sends nothing and costs nothing (§1.2, §V1). BulkSMS documents 200
 * {"message":"API Key is valid"}, Vortex a 200 without a body (§9 #19): accept either, but not a
 * web page or anything else that shows the API Address is not Mobivate's API. A 401, a 200 whose
 * body says it failed, or a message that says the key is not good is a refusal of the key
 * (docs/truthful-outcomes.md).
 */
export const checkKey = async (
  z: ZObject,
  bundle: Bundle,
  /** Says why a body of the other API generation's shape is wrong here, if it is. */
  otherGeneration: (body: Record<string, unknown>) => string | undefined,
): Promise<{ message: string; account?: string }> => {
  const answer = await callMobivate(z, bundle, {
    method: 'GET',
    path: '/auth/test',
    expectedErrorStatuses: [400, 401, 403],
  });
  const refused =
    answer.status === 401 ||
    answer.status !== answer.httpStatus ||
    (answer.httpStatus < 300 && says(statedError(answer.data)?.message, 'key-refused'));
  if (answer.status >= 400 && !refused) throw mobivateError(z, answer, bundle);
  if (refused) {
    const said = answer.content.trim() ? ` (${whatMobivateSaid(answer, bundle)})` : '';
    throw appError(
      z,
      'AuthenticationError',
      `Mobivate did not accept this API key${said}. Check that you copied the whole key, that it has not been replaced by a newer one, and that the API Address and Mobivate API are the ones Mobivate gave your account. ${RECONNECT_HELP}`,
      answer.status,
    );
  }
  const body: unknown = answer.content.trim() === '' ? {} : answer.data;
  if (!isObject(body)) {
    throw unexpectedAnswer(z, answer, bundle, 'a JSON answer from the Mobivate API');
  }
  const wrongGeneration = otherGeneration(body);
  if (wrongGeneration) throw appError(z, 'AuthenticationError', wrongGeneration, answer.httpStatus);
  // Quoted back only with every form of the key removed ("API Key <key> is valid" has been seen).
  const message = messageOf(body);
  const account = accountOf(body);
  return {
    message: message ? scrubSecrets(message, bundle) : 'API Key is valid',
    ...(account ? { account: scrubSecrets(account, bundle) } : {}),
  };
};

/** An account or user name, should the key check answer one (none is documented, §1.2, §V1). */
const accountOf = (body: Record<string, unknown>): string | undefined => {
  const named = ['accountName', 'account', 'username', 'userName', 'name']
    .map((key) => body[key])
    .find((value): value is string => typeof value === 'string' && value.trim() !== '');
  return named?.trim().slice(0, 60);
};

const messageOf = (body: unknown): string | undefined =>
  isObject(body) && typeof body.message === 'string' && body.message.trim()
    ? body.message.trim()
    : undefined;
