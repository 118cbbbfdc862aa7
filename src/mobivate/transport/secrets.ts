import type { Bundle } from 'zapier-platform-core';
import { authDataOf } from './auth-data';

/** Whatever carries the connection's auth data: a bundle, or a part of one. */
export type SecretHolder = { authData?: Bundle['authData'] };

/**
 * The forms in which a server may echo the API key back: as sent, percent-encoded (in a quoted
 * URL), JSON-escaped (`/` as `\/`, as PHP writes it; `"` and `\` escaped), escaped twice (an
 * error that quotes a JSON body), and base64 (an echoed Basic header). Longest first, so that a
 * longer form is replaced before a shorter one inside it.
 */
export const keyForms = (key: string): string[] => {
  const json = (text: string) => JSON.stringify(text).slice(1, -1);
  const slashes = (text: string) => text.replace(/\//g, '\\/');
  const forms = new Set<string>();
  for (const once of [key, json(key), slashes(json(key))]) {
    forms.add(once);
    forms.add(json(once));
    forms.add(slashes(json(once)));
    forms.add(encodeURIComponent(once));
  }
  forms.add(Buffer.from(key).toString('base64'));
  return [...forms].filter(Boolean).sort((a, b) => b.length - a.length);
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes every form of the connection's API key from a text before it reaches a message or a log. */
export const scrubSecrets = (text: string, bundle: SecretHolder): string => {
  const key = authDataOf(bundle).api_key;
  if (key.trim().length === 0) return text;
  const forms = keyForms(key.trim());
  if (key !== key.trim()) forms.unshift(...keyForms(key));
  // Case-insensitive: percent-encoding may use either case of hex digit (%2F or %2f), and a
  // text holding the key in another case is no less a leak.
  return text.replace(new RegExp(forms.map(escapeRegExp).join('|'), 'gi'), ':censored:');
};

/**
 * Whether a text quoted from user input (such as the API Address) might hold a credential: a
 * query string, user information, or a long run of key-like characters. Such text is never quoted.
 */
export const mayHoldCredential = (text: string, bundle: SecretHolder): boolean =>
  /[?#@]/.test(text) || /[A-Za-z0-9_-]{24,}/.test(text) || scrubSecrets(text, bundle) !== text;
