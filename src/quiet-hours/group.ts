/**
 * Quiet hours for a list of recipients in one pass: each recipient is put with the others that
 * go at the same time, so that a batch send makes one request per send time (docs/quiet-hours.md).
 */
import { createQuietHours, type Fallback, type QuietHoursOptions } from './schedule';
import { zoneSetOf } from './zones';

export interface SendGroup<T> {
  /** Epoch milliseconds (a whole minute), or null: now. */
  sendAt: number | null;
  recipients: T[];
}

/** Recipients no time suits, with the message that says why (one per set of zones). */
export interface RefusedGroup<T> {
  message: string;
  recipients: T[];
}

export interface QuietHoursGrouping<T> {
  /** By send time, the group to send now (if any) first. Recipients keep their order. */
  groups: SendGroup<T>[];
  refused: RefusedGroup<T>[];
  /** Recipients whose numbers' zones are not known, timed by the fallback zone instead. */
  fallback?: Fallback & { recipients: T[] };
}

/** Adds the recipient to the group under `key`, making the group the first time. */
const addTo = <K, G extends { recipients: unknown[] }>(
  groups: Map<K, G>,
  key: K,
  make: () => G,
  recipient: G['recipients'][number],
) => {
  let group = groups.get(key);
  if (!group) {
    group = make();
    groups.set(key, group);
  }
  group.recipients.push(recipient);
};

const byTime = (a: SendGroup<unknown>, b: SendGroup<unknown>) =>
  (a.sendAt ?? -Infinity) - (b.sendAt ?? -Infinity);

/**
 * Groups recipients by when each may receive a text. `numberOf` gives a recipient's international
 * number (digits, with or without "+"); recipients that are numbers need none.
 */
export const groupBySendTime = <T>(
  recipients: readonly T[],
  options: QuietHoursOptions,
  numberOf: (recipient: T) => string = String,
): QuietHoursGrouping<T> => {
  const quietHours = createQuietHours(options);
  const groups = new Map<number | null, SendGroup<T>>();
  const refused = new Map<string, RefusedGroup<T>>();
  const unknown: T[] = [];
  for (const recipient of recipients) {
    const zoneSet = zoneSetOf(numberOf(recipient));
    if (!zoneSet) unknown.push(recipient);
    const decision = quietHours.forZoneSet(zoneSet);
    const { outcome, sendAt } = decision;
    if (outcome === 'refused') {
      const { message } = decision;
      addTo(refused, message, () => ({ message, recipients: [] }), recipient);
    } else {
      addTo(groups, sendAt, () => ({ sendAt, recipients: [] }), recipient);
    }
  }
  return {
    groups: [...groups.values()].sort(byTime),
    refused: [...refused.values()],
    ...(unknown.length > 0 && { fallback: { ...quietHours.fallback, recipients: unknown } }),
  };
};
