import type { AfterResponseMiddleware, BeforeRequestMiddleware } from 'zapier-platform-core';
import { throwForMobivateError } from './errors';

const MOBIVATE_HEADERS = ['authorization', 'content-type', 'accept'];

/**
 * Mobivate authenticates every call with a Bearer key and speaks JSON (§1, §8). Core has already
 * set its own `content-type` for JSON bodies; header names are case-insensitive, so ours replace
 * it rather than travel beside it as a second Content-Type.
 */
const addMobivateHeaders: BeforeRequestMiddleware = (request, _z, bundle) => {
  const others = Object.entries(request.headers ?? {}).filter(
    ([name]) => !MOBIVATE_HEADERS.includes(name.toLowerCase()),
  );
  request.headers = {
    ...Object.fromEntries(others),
    Authorization: `Bearer ${String(bundle.authData?.api_key ?? '')}`,
    'Content-Type': 'application/json',
    Accept: 'application/json',
  };
  return request;
};

/**
 * Maps error answers for requests that did not ask to see them (see `handles` in request.ts).
 * Runs before core's own throwForStatus, so the user never sees a bare "Got 400".
 */
const throwForMobivateErrors: AfterResponseMiddleware = (response, z, bundle) => {
  if (response.status >= 400 && !response.skipThrowForStatus) {
    throwForMobivateError(z, response, bundle);
  }
  return response;
};

export const befores = [addMobivateHeaders];
export const afters = [throwForMobivateErrors];
