import { quoteInput } from '../common/text';

/** A personalized recipient's fields (Vortex `meta`), for `{{KEY}}` placeholders in its text. */

const text = (value: unknown): string | undefined =>
  (typeof value === 'string' || typeof value === 'number') && String(value).trim()
    ? String(value)
    : undefined;

const FIELD_KEY = /^[A-Za-z0-9_]+$/;

/**
 * A recipient's fields, `KEY=value` pairs separated by semicolons or new lines (`NAME=John;
 * CITY=London`), for `{{KEY}}` placeholders; or what is wrong with them.
 */
export const readRecipientFields = (
  value: unknown,
): { fields?: Record<string, string> } | { problem: string } => {
  const raw = text(value);
  if (raw === undefined) return {};
  const fields: Record<string, string> = {};
  for (const pair of raw
    .split(/[;\n]/)
    .map((item) => item.trim())
    .filter(Boolean)) {
    const equals = pair.indexOf('=');
    const key = equals < 0 ? '' : pair.slice(0, equals).trim();
    if (!FIELD_KEY.test(key)) {
      return {
        problem: `its fields ${quoteInput(pair)} are not KEY=value (letters, digits and _ in the key), e.g. NAME=John; CITY=London`,
      };
    }
    if (key in fields) return { problem: `its fields name ${key} twice` };
    fields[key] = pair.slice(equals + 1).trim();
  }
  return { fields };
};
