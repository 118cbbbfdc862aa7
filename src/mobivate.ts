/**
 * What this app knows about the Mobivate BulkSMS REST API: where it lives, its paths, the shapes
 * of its answers and where its own documentation contradicts itself. Section numbers (§) refer to
 * the project's research notes on the API (shared/reference/mobivate-api.md).
 */

/** G1 production host (§0.2). Some accounts are given another address, hence the connection field. */
export const DEFAULT_API_URL = 'https://api.mobivatebulksms.com';

export const PATHS = {
  authTest: '/auth/test',
  /** List (GET), add (POST) and delete (DELETE) share this path (§2.1). */
  optOut: '/addressbook/optout',
  /**
   * §9 #1: the "Delete an OptOut" page's heading says /addressbook/optout, but its curl and Python
   * examples call /optout. We use the heading first and fall back to this path only when the
   * heading's route is missing (see creates/delete-optout.ts).
   */
  optOutLegacyDelete: '/optout',
} as const;

/** Every G1 error example has this body (§8.2). */
export interface MobivateErrorBody {
  code: number;
  message: string;
}

/** An opt-out as add, delete and list return it (§2.1). `id` is only in list results. */
export interface OptOutRecord {
  id?: number;
  mobile: string;
  /** Where the opt-out came from: `MO` (a STOP reply), `API`, … */
  note: string | null;
  /** Epoch milliseconds. */
  created: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isMobivateErrorBody = (body: unknown): body is MobivateErrorBody =>
  isObject(body) && typeof body.code === 'number' && typeof body.message === 'string';

/** Mobivate's own explanation in an error answer, if it sent one in any of its shapes. */
export const mobivateMessage = (body: unknown): string | undefined => {
  if (!isObject(body)) return undefined;
  if (typeof body.message === 'string' && body.message.trim()) return body.message.trim();
  // G2 validation errors: {"success":false,"error":{…}} with an undocumented inner shape (§8.2).
  if (isObject(body.error) && typeof body.error.message === 'string') return body.error.message;
  if (typeof body.error === 'string' && body.error.trim()) return body.error.trim();
  return undefined;
};

export const isOptOutRecord = (body: unknown): body is OptOutRecord =>
  isObject(body) &&
  typeof body.mobile === 'string' &&
  (typeof body.note === 'string' || body.note === null || body.note === undefined) &&
  typeof body.created === 'number' &&
  Number.isFinite(body.created);

/** An opt-out as the list returns it: always with its id (§2.1). */
export type ListedOptOut = OptOutRecord & { id: number };

export const isListedOptOut = (body: unknown): body is ListedOptOut =>
  isOptOutRecord(body) && typeof body.id === 'number';

/** The list endpoint's page size limit (§2.1). */
export const MAX_PAGE_SIZE = 1000;

/**
 * `note` on an opt-out is its source. Only MO and API are seen in the docs (§2.1); other codes are
 * passed through unchanged.
 */
export const OPT_OUT_SOURCES: Record<string, string> = {
  MO: 'Replied with an opt-out keyword',
  API: 'Added through the API',
};

/**
 * Dates for the list endpoints' startDate/endDate (§2.1): `YYYY-MM-DDTHH:MM:SS+0000`, the offset
 * without a colon. Always UTC. (z.request encodes the "+" as %2B, as the docs require.)
 */
export const formatMobivateDate = (millis: number): string =>
  new Date(millis).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** G1 opt-out timestamps are epoch milliseconds (§2.1, §9 #17); Zapier wants ISO-8601. */
export const epochMillisToIso = (millis: number): string => new Date(millis).toISOString();

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
const isLoopback = (hostname: string): boolean =>
  LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);

const EXAMPLE_ADDRESS = DEFAULT_API_URL;

/**
 * Checks the connection's "API Address" and returns its origin (`https://host[:port]`), or a
 * sentence saying what is wrong with it. An empty value means the default production address.
 */
export const resolveApiUrl = (raw: unknown): { origin: string } | { problem: string } => {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) return { origin: DEFAULT_API_URL };

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      problem: `The API Address "${text}" is not a web address. Enter it like ${EXAMPLE_ADDRESS}, or leave it empty to use that address.`,
    };
  }
  if (url.username || url.password) {
    // Never quote this one: the user name or password in it may be a secret.
    return {
      problem: `The API Address must not contain a user name or password. Enter only the address, like ${EXAMPLE_ADDRESS}; the API Key goes in its own field.`,
    };
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      problem: `The API Address "${text}" must start with https:// (plain http:// is accepted only for a local test server on 127.0.0.1 or localhost).`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      problem: `The API Address "${text}" must start with https://, like ${EXAMPLE_ADDRESS}.`,
    };
  }
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text)) {
    return {
      problem: `The API Address "${text}" must be only https:// and the host name (and port, if any), like ${EXAMPLE_ADDRESS}: remove everything after the host.`,
    };
  }
  return { origin: url.origin };
};
