/** What Send SMS and Send Batch SMS share. */

/** Sends are never repeated automatically; this is what an unclear failure means to the user. */
export const SEND_UNCERTAIN =
  'The message may or may not have been sent: check the message log in the Mobivate hub before replaying this run, or recipients may get it twice.';

/** Booleans from Zapier arrive as true/false, or as text when mapped from another step. */
export const readBoolean = (value: unknown, fallback: boolean): boolean => {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && value.trim()) return !/^(false|no|0|off)$/i.test(value.trim());
  return fallback;
};

/** Optional text inputs: trimmed, and absent when empty. */
export const optionalText = (value: unknown): string | undefined => {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return text || undefined;
};
