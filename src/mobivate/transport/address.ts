import { mayHoldCredential, scrubSecrets, type SecretHolder } from './secrets';

/** The BulkSMS production host (§0.2). Some accounts are given another address. */
export const DEFAULT_API_URL = 'https://api.mobivatebulksms.com';

/** The Vortex host every public client uses (§V1); Mobivate may give an account another. */
export const VORTEX_API_URL = 'https://vortex.mobivatebulksms.com';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
const isLoopback = (hostname: string): boolean =>
  LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);

const EXAMPLE_ADDRESS = DEFAULT_API_URL;

/**
 * Checks the connection's "API Address" and returns its origin (`https://host[:port]`), or a
 * sentence saying what is wrong with it. An empty value means the default production address.
 * The address is quoted only when it cannot hold a credential (Mobivate's own developer page
 * shows addresses ending in `?api_key=…`, and keys get pasted into the wrong field).
 */
export const resolveApiUrl = (
  raw: unknown,
  bundle: SecretHolder = {},
): { origin: string } | { problem: string } => {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) return { origin: DEFAULT_API_URL };
  const quoted = mayHoldCredential(text, bundle) ? '' : ` "${text}"`;

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      problem: `The API Address${quoted} is not a web address. Enter it like ${EXAMPLE_ADDRESS}, or leave it empty to use that address.`,
    };
  }
  if (url.username || url.password) {
    return {
      problem: `The API Address must not contain a user name or password. Enter only the address, like ${EXAMPLE_ADDRESS}; the API Key goes in its own field.`,
    };
  }
  if (/(^|&)(api_?key|key|token|access_token)=/i.test(url.search.slice(1))) {
    return {
      problem: `The API Address must not contain the API key (it ends in "?api_key=…", not repeated here). Enter only the address, like ${EXAMPLE_ADDRESS}, and put the key in the API Key field.`,
    };
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      problem: `The API Address${quoted} must start with https:// (plain http:// is accepted only for a local test server on 127.0.0.1 or localhost).`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      problem: `The API Address${quoted} must start with https://, like ${EXAMPLE_ADDRESS}.`,
    };
  }
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text)) {
    return {
      problem: `The API Address${quoted} must be only https:// and the host name (and port, if any), like ${EXAMPLE_ADDRESS}: remove everything after the host.`,
    };
  }
  if (scrubSecrets(text, bundle) !== text) {
    return {
      problem: `The API Address looks like it contains an API key or another secret (it is not repeated here). Enter only the address, like ${EXAMPLE_ADDRESS}, and put the key in the API Key field.`,
    };
  }
  return { origin: url.origin };
};
