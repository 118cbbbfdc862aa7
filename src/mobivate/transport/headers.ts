import type { BeforeRequestMiddleware } from 'zapier-platform-core';
import { appError } from '../../common/error-codes';
import { apiKeyOf } from './api-key';
import { authDataOf } from './auth-data';
import { FORM_TYPE } from './request';

const MOBIVATE_HEADERS = ['authorization', 'content-type', 'accept'];

/**
 * Mobivate authenticates every call with a Bearer key and speaks JSON (§1, §8). Core has already
 * set its own `content-type` for JSON bodies; header names are case-insensitive, so ours replace
 * it rather than travel beside it as a second Content-Type. Answers are read and errors mapped in
 * one place, request.ts, not in an afterResponse middleware. The key is sent as cleaned by
 * api-key.ts; a key that cannot be sent stops the step here, before every request, with a message
 * that does not repeat it (otherwise node-fetch would refuse the header and quote it whole).
 */
const addMobivateHeaders: BeforeRequestMiddleware = (request, z, bundle) => {
  const apiKey = apiKeyOf(authDataOf(bundle).api_key);
  if ('problem' in apiKey) throw appError(z, 'InvalidApiKey', apiKey.problem);
  const headers = Object.entries(request.headers ?? {});
  const others = headers.filter(([name]) => !MOBIVATE_HEADERS.includes(name.toLowerCase()));
  // A form body (request.ts, `form`) keeps its type; everything else is JSON.
  const form = headers.some(
    ([name, value]) => name.toLowerCase() === 'content-type' && value === FORM_TYPE,
  );
  request.headers = {
    ...Object.fromEntries(others),
    Authorization: `Bearer ${apiKey.key}`,
    'Content-Type': form ? FORM_TYPE : 'application/json',
    Accept: 'application/json',
  };
  return request;
};

export const befores = [addMobivateHeaders];
