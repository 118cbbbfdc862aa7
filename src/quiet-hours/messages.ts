/** What quiet hours tell the user when no time suits a number. */
import { HORIZON_HOURS, offsetAt } from './offsets';
import { formatAllowedHours, formatMinutes, type AllowedHours } from './window';

/**
 * The zones, west to east by their offset now: all of them when few, else the two ends and how
 * many ("Europe/Kaliningrad … Asia/Kamchatka, 34 zones").
 */
export const describeZones = (zones: readonly string[], now: number): string => {
  const sorted = zones
    .map((zone) => ({ zone, offset: offsetAt(zone, now) }))
    .sort((a, b) => a.offset - b.offset || a.zone.localeCompare(b.zone))
    .map(({ zone }) => zone);
  if (sorted.length <= 3) return sorted.join(', ');
  return `${sorted[0]} … ${sorted[sorted.length - 1]}, ${sorted.length} zones`;
};

export const refusalMessage = (hours: AllowedHours, zones: string, wider: AllowedHours) =>
  `No time in the next ${HORIZON_HOURS} hours is between ${formatMinutes(hours.start)} and ` +
  `${formatMinutes(hours.end)} in all of the number's possible time zones (${zones}): widen ` +
  `Allowed Hours, for example to ${formatAllowedHours(wider)}, or send to this number without ` +
  'quiet hours.';
