import type { BeforeRequestMiddleware } from 'zapier-platform-core';
import { authDataOf } from './auth-data';
import { FORM_TYPE } from './request';

const MOBIVATE_HEADERS = ['authorization', 'content-type', 'accept'];

/**
 * Mobivate authenticates every call with a Bearer key and speaks JSON (§1, §8). Core has already
 * set its own `content-type` for JSON bodies; header names are case-insensitive, so ours replace
 * it rather than travel beside it as a second Content-Type. Answers are read and errors mapped in
 * one place, request.ts, not in an afterResponse middleware.
 */
const addMobivateHeaders: BeforeRequestMiddleware = (request, _z, bundle) => {
  const headers = Object.entries(request.headers ?? {});
  const others = headers.filter(([name]) => !MOBIVATE_HEADERS.includes(name.toLowerCase()));
  // A form body (request.ts, `form`) keeps its type; everything else is JSON.
  const form = headers.some(
    ([name, value]) => name.toLowerCase() === 'content-type' && value === FORM_TYPE,
  );
  request.headers = {
    ...Object.fromEntries(others),
    Authorization: `Bearer ${authDataOf(bundle).api_key}`,
    'Content-Type': form ? FORM_TYPE : 'application/json',
    Accept: 'application/json',
  };
  return request;
};

export const befores = [addMobivateHeaders];
