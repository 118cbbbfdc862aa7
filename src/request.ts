import type { Bundle, HttpResponse, ZObject } from 'zapier-platform-core';
import { isTransportError, throwForMobivateError, transportError } from './errors';
import { resolveApiUrl } from './mobivate';

/**
 * Every request waits at most this long. Zapier stops a step after 30 seconds in all, and Delete
 * Opt-Out may need two requests (see its route fallback), so two must fit with time to spare.
 */
export const REQUEST_TIMEOUT_MS = 12_000;

/**
 * What a step that makes many requests (list scans, batch sends) may spend on them in all, so that
 * it ends, and says how far it got, well within Zapier's 30 seconds.
 */
export const STEP_BUDGET_MS = 20_000;

/** A request's timeout within what is left of a step's budget; undefined when too little is left. */
export const timeoutWithin = (deadline: number): number | undefined => {
  const remaining = deadline - Date.now();
  return remaining < 1_000 ? undefined : Math.min(REQUEST_TIMEOUT_MS, remaining);
};

export interface MobivateRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** A path from PATHS, relative to the connection's API Address. */
  path: string;
  body?: Record<string, unknown>;
  params?: Record<string, string | number>;
  /**
   * Error statuses the caller interprets itself (e.g. 404 on delete). Every other error status goes
   * through the shared mapping in errors.ts.
   */
  handles?: readonly number[];
  /** A shorter timeout, for requests that must fit in what is left of a time budget. */
  timeoutMs?: number;
  /**
   * For requests that must never be repeated blindly (sends): the sentence that replaces "replay
   * later" when the request may have been carried out (5xx, timeouts, dropped connections).
   */
  ifUncertain?: string;
}

/** The origin of the connection's API Address, or a Zapier error before anything is sent. */
export const apiOrigin = (z: ZObject, bundle: Bundle): string => {
  const resolved = resolveApiUrl(bundle.authData?.api_url);
  if ('problem' in resolved) throw new z.errors.Error(resolved.problem, 'InvalidApiAddress');
  return resolved.origin;
};

/** The one way this app talks to Mobivate. Headers are added by middleware.ts. */
export const callMobivate = async <T = unknown>(
  z: ZObject,
  bundle: Bundle,
  {
    method,
    path,
    body,
    params,
    handles,
    timeoutMs = REQUEST_TIMEOUT_MS,
    ifUncertain,
  }: MobivateRequest,
): Promise<HttpResponse<T>> => {
  const origin = apiOrigin(z, bundle);
  let response: HttpResponse<T>;
  try {
    response = await z.request<T>({
      method,
      url: `${origin}${path}`,
      body,
      params,
      timeout: timeoutMs,
      skipThrowForStatus: handles !== undefined || ifUncertain !== undefined,
    });
  } catch (error) {
    if (isTransportError(error)) {
      throw transportError(z, error, origin, timeoutMs / 1000, ifUncertain);
    }
    throw error;
  }
  if (response.status >= 400 && !handles?.includes(response.status)) {
    throwForMobivateError(z, response, bundle, ifUncertain);
  }
  return response;
};
