import type { Bundle, ZObject } from 'zapier-platform-core';
import { appError } from '../../common/error-codes';
import type { MobivateAnswer } from './answer';
import { mayHoldCredential, scrubSecrets } from './secrets';

/**
 * Redirects are never followed: a followed 301/302 turns a send into a GET whose 200 looks like
 * success, and a followed 307/308 re-posts the recipient, the text and the key to whatever host
 * the answer names. The answer is reported with where it pointed, so the user can fix the API
 * Address (docs/truthful-outcomes.md).
 */
export const isRedirect = (status: number): boolean => status >= 300 && status < 400;

/**
 * 303 See Other (and 302, used the same way) is how a server answers a POST it has carried out;
 * 301, 307 and 308 say the request belongs at another address, so it was not carried out here.
 */
export const redirectMayHaveBeenCarriedOut = (status: number): boolean =>
  status === 302 || status === 303;

/** Where a redirect pointed: the origin and path, never a query, never a secret. */
export const redirectTarget = (answer: MobivateAnswer, bundle: Bundle): string => {
  let url: URL;
  try {
    url = new URL(answer.location ?? '');
  } catch {
    return 'an address it did not give';
  }
  const shown = scrubSecrets(`${url.origin}${url.pathname}`, bundle);
  return mayHoldCredential(shown, bundle) ? `${url.protocol}//${url.host}/…` : shown;
};

export const redirectError = (
  z: ZObject,
  answer: MobivateAnswer,
  bundle: Bundle,
  unclearOutcomeNote: string,
): Error => {
  const outcome = !unclearOutcomeNote
    ? ''
    : redirectMayHaveBeenCarriedOut(answer.status)
      ? ` ${unclearOutcomeNote}`
      : ' The message was not sent.';
  return appError(
    z,
    'MobivateRedirect',
    `The API Address answered ${answer.request} with a redirect (HTTP ${answer.status}) to ${redirectTarget(answer, bundle)}. The app does not follow redirects, which would send the request and your key to another address: check the API Address of your Mobivate connection, and if Mobivate gave you a new one, enter it.${outcome}`,
    answer.status,
  );
};
