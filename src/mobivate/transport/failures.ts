import { appError } from '../../common/error-codes';
import type { ZObject } from 'zapier-platform-core';

/**
 * The largest answer a request reads. A page of 1,000 records is about 1 MB; Zapier takes at
 * most 20 MB from a step. A larger answer is cut off (and said so) rather than read into memory.
 */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** node-fetch's FetchError (and the system errors it wraps), or our deadline's abort. */
export interface TransportError extends Error {
  type?: string;
  code?: string;
  errno?: string;
}

export const isTransportError = (error: unknown): error is TransportError =>
  error instanceof Error && (error.name === 'FetchError' || error.name === 'AbortError');

/** What each failure means, in plain words; the code itself goes only to the log line. */
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the connection was reset before Mobivate answered',
  ERR_STREAM_PREMATURE_CLOSE: 'the connection closed before Mobivate’s answer was complete',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host could not be reached',
  EPIPE: 'the connection was closed while sending',
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  Z_DATA_ERROR: 'the answer arrived compressed but damaged, so it could not be read',
  Z_BUF_ERROR: 'the answer arrived compressed but cut short, so it could not be read',
};

/** Failures that happen before anything reaches the server: the request was certainly not carried out. */
const NOTHING_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export const codeOf = (error: TransportError): string => error.code ?? error.errno ?? '';

export const certainlyNotSent = (error: TransportError): boolean => NOTHING_SENT.has(codeOf(error));

/** Why a request failed in transport, in words; `seconds` is the time it was given. */
export const transportReason = (error: TransportError, seconds: number): string => {
  if (error.type === 'max-size') {
    return `Mobivate's answer was larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB, more than one step reads, so it was not read`;
  }
  if (error.name === 'AbortError' || /timeout/.test(error.type ?? '')) {
    return `Mobivate did not answer within ${seconds} seconds`;
  }
  return REASONS[codeOf(error)] ?? 'the connection failed before a complete answer arrived';
};

export const transportError = (
  z: ZObject,
  error: TransportError,
  origin: string,
  seconds: number,
  unclearOutcomeNote = '',
): Error => {
  const tooLarge = error.type === 'max-size';
  const what = tooLarge
    ? `Stopped reading the answer from ${origin}: ${transportReason(error, seconds)}.`
    : `Could not reach Mobivate at ${origin}: ${transportReason(error, seconds)}.`;
  const next =
    unclearOutcomeNote && !certainlyNotSent(error)
      ? unclearOutcomeNote
      : 'Check the API Address of your Mobivate connection; if it is right, replay the run later.';
  return appError(
    z,
    tooLarge ? 'MobivateAnswerTooLarge' : 'MobivateUnreachable',
    `${what} ${next}`,
  );
};
