/**
 * The E.164 twin of every phone-number output (`mobile_e164` beside `mobile`): the number Mobivate
 * gave, with "+" before its international digits, so that it maps straight into CRMs and
 * spreadsheets that want `+447700900123`. The digits are Mobivate's, never changed.
 */

/** E.164 allows at most 15 digits; no number that can receive an SMS has fewer than 7. */
const PLAUSIBLE = /^[1-9]\d{6,14}$/;

/**
 * `447700900123`, `+44 7700 900123` and `00447700900123` → `+447700900123`. Null for anything that
 * is not plausibly an international number: a sender ID like "Acme", a short code like "12345", a
 * national number like "07700 900123" (which country is unknown), other characters (dashes,
 * brackets: "2026-01-15" is a date), or nothing. Only spaces are removed, and a leading "+" or
 * "00" (the international prefix: no country code starts with 0).
 */
export const e164Of = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const compact = value.replace(/\s/g, '');
  const digits = compact.startsWith('+')
    ? compact.slice(1)
    : compact.startsWith('00')
      ? compact.slice(2)
      : compact;
  return PLAUSIBLE.test(digits) ? `+${digits}` : null;
};

type Twins<Key extends string> = { [K in Key as `${K}_e164`]: string | null };

/** The record with each named key's twin right after it (`recipient`, `recipient_e164`, …). */
export const withE164Twins = <Record extends object, Key extends keyof Record & string>(
  record: Record,
  keys: readonly Key[],
): Record & Twins<Key> =>
  Object.fromEntries(
    Object.entries(record).flatMap(([key, value]) =>
      (keys as readonly string[]).includes(key)
        ? [
            [key, value],
            [`${key}_e164`, e164Of(value)],
          ]
        : [[key, value]],
    ),
  ) as Record & Twins<Key>;

/** A twin's output field: `{ key: 'mobile_e164', label: 'Mobile Number (E.164, With +)' }`. */
export const e164Field = <const Key extends string, const Label extends string>(
  key: Key,
  label: Label,
) => ({ key: `${key}_e164`, label: `${label} (E.164, With +)`, type: 'string' }) as const;

/** The same for a value that may be a sender ID or a short code rather than a phone number. */
export const maybeE164Field = <const Key extends string, const Label extends string>(
  key: Key,
  label: Label,
) =>
  ({
    key: `${key}_e164`,
    label: `${label} (E.164, With +; Empty When Not a Phone Number)`,
    type: 'string',
  }) as const;
