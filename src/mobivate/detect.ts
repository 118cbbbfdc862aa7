/**
 * Which of Mobivate's two APIs a connection speaks, so that a user can connect with the key alone
 * (docs/connection.md). In order: the Mobivate API the connection names; the API whose host the
 * API Address is; for another address, BulkSMS (as before the choice existed); with no address,
 * Mobivate's own answer: the key is checked at both APIs' hosts at once, and the one that accepts
 * it is the connection's API. A process remembers the answer per key (by a hash, never the key),
 * so a warm Zapier worker asks once.
 */
import { createHash } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { bulkSms } from './bulksms';
import type { Generation } from './generation';
import { DEFAULT_API_URL, VORTEX_API_URL } from './transport/address';
import { authDataOf, chosenPlatform, rememberResolved } from './transport/auth-data';
import { RECONNECT_HELP } from './transport/errors';
import type { ApiPlatform, AuthData } from './types';
import { vortex } from './vortex';

export const GENERATIONS: Record<ApiPlatform, Generation> = { bulksms: bulkSms, vortex };

export const API_NAMES: Record<ApiPlatform, string> = {
  bulksms: 'BulkSMS API',
  vortex: 'Vortex API',
};

const HOSTS: Record<ApiPlatform, string> = { bulksms: DEFAULT_API_URL, vortex: VORTEX_API_URL };

const hostOf = (url: string) => {
  try {
    return new URL(url.trim()).host;
  } catch {
    return undefined;
  }
};

/** The API whose known host the address is, if it is one. */
export const platformOfAddress = (address: string | undefined): ApiPlatform | undefined =>
  (Object.keys(HOSTS) as ApiPlatform[]).find(
    (platform) => address !== undefined && hostOf(address) === hostOf(HOSTS[platform]),
  );

const detectedByKey = new Map<string, ApiPlatform>();
const fingerprint = (key: string) => createHash('sha256').update(key).digest('hex');

/** The same connection, pointed at one API's own host. */
export const bundleFor = (bundle: Bundle, platform: ApiPlatform): Bundle => {
  const authData = { ...authDataOf(bundle), api_url: HOSTS[platform], api_platform: platform };
  const copy = { ...bundle, authData } as Bundle;
  rememberResolved(copy, authData);
  return copy;
};

/** A key refused, as checkKey says it (z.errors.Error keeps its code in a JSON message). */
const isKeyRefusal = (error: unknown): boolean => {
  try {
    return (
      (JSON.parse((error as Error).message) as { code?: unknown }).code === 'AuthenticationError'
    );
  } catch {
    return false;
  }
};

type KeyCheck = Awaited<ReturnType<Generation['connection']['test']>>;

/** The key check that detection made for this step's bundle, so the connection test reuses it. */
const checkedKeys = new WeakMap<object, KeyCheck>();

/** Checks the key at both hosts at once; the API that accepts it. */
const askMobivate = async (z: ZObject, bundle: Bundle): Promise<ApiPlatform> => {
  const order: ApiPlatform[] = ['vortex', 'bulksms'];
  const checks = await Promise.allSettled(
    order.map((platform) => GENERATIONS[platform].connection.test(z, bundleFor(bundle, platform))),
  );
  const index = checks.findIndex((check) => check.status === 'fulfilled');
  if (index >= 0) {
    checkedKeys.set(bundle, (checks[index] as PromiseFulfilledResult<KeyCheck>).value);
    return order[index]!;
  }
  const failures = checks.map((check) => (check as PromiseRejectedResult).reason as unknown);
  // One API could not be asked (down, slow, a proxy): its answer is unknown, so say that.
  const other = failures.find((reason) => !isKeyRefusal(reason));
  if (other) throw other;
  throw appError(
    z,
    'AuthenticationError',
    `Mobivate did not accept this API key at either of its APIs (the Vortex API at ${hostOf(VORTEX_API_URL)} and the BulkSMS API at ${hostOf(DEFAULT_API_URL)}). Check that you copied the whole key and that it has not been replaced by a newer one; if Mobivate gave your account another API address, enter it in the connection. ${RECONNECT_HELP}`,
    401,
  );
};

/** The connection's API and address for this step, asking Mobivate only when nothing says. */
export const resolveConnection = async (z: ZObject, bundle: Bundle): Promise<AuthData> => {
  const given = authDataOf(bundle);
  const chosen = chosenPlatform(bundle);
  let platform: ApiPlatform;
  if (chosen !== 'auto') platform = chosen;
  else if (given.api_url) platform = platformOfAddress(given.api_url) ?? 'bulksms';
  else {
    const key = fingerprint(given.api_key);
    platform = detectedByKey.get(key) ?? (await askMobivate(z, bundle));
    detectedByKey.set(key, platform);
  }
  const authData = { ...given, api_platform: platform, api_url: given.api_url ?? HOSTS[platform] };
  rememberResolved(bundle, authData);
  return authData;
};

/** For tests: forget what this process learnt. */
export const forgetDetected = (): void => detectedByKey.clear();

/** The API an address belongs to, when the connection names the other one: said before asking. */
const refuseMismatchedAddress = (z: ZObject, bundle: Bundle, chosen: ApiPlatform | 'auto') => {
  const address = authDataOf(bundle).api_url;
  const owner = platformOfAddress(address);
  if (chosen === 'auto' || !owner || owner === chosen) return;
  throw appError(
    z,
    'InvalidApiAddress',
    `The API Address ${hostOf(address!)} is the ${API_NAMES[owner]}'s, but Mobivate API is set to ${API_NAMES[chosen]}. Set Mobivate API to “Detect from the key” (or to ${API_NAMES[owner]}) and test again.`,
  );
};

/**
 * The connection test: the key checked at the connection's API. When the connection names an API
 * and that API refuses the key, the other API is asked too, so that a key for the other API is
 * told apart from a wrong key, with a sentence that names the fix.
 */
export const checkConnection = async (z: ZObject, bundle: Bundle) => {
  const chosen = chosenPlatform(bundle);
  refuseMismatchedAddress(z, bundle, chosen);
  const addressGiven = authDataOf(bundle).api_url !== undefined;
  const { api_platform: platform } = await resolveConnection(z, bundle);
  try {
    const check =
      checkedKeys.get(bundle) ?? (await GENERATIONS[platform].connection.test(z, bundle));
    return { platform, ...check };
  } catch (error) {
    if (chosen === 'auto' || addressGiven || !isKeyRefusal(error)) throw error;
    const other: ApiPlatform = platform === 'vortex' ? 'bulksms' : 'vortex';
    const test = GENERATIONS[other].connection.test(z, bundleFor(bundle, other));
    if (
      !(await test.then(
        () => true,
        () => false,
      ))
    )
      throw error;
    throw appError(
      z,
      'AuthenticationError',
      `This key is a ${API_NAMES[other]} key, but Mobivate API is set to ${API_NAMES[platform]}. Set Mobivate API to “Detect from the key” (or to ${API_NAMES[other]}) and test again.`,
      401,
    );
  }
};
