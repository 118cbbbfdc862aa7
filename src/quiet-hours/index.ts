/**
 * Quiet hours in the recipient's own time zone: when a text may go to a number, from the zones
 * the number may be in and the Allowed Hours the sender set. docs/quiet-hours.md.
 * Loading this module loads no zone data: that happens on the first lookup.
 */
export { groupBySendTime } from './group';
export type { QuietHoursGrouping, RefusedGroup, SendGroup } from './group';
export {
  HORIZON_HOURS,
  createQuietHours,
  fallbackFor,
  whenToSend,
  whenToSendInZones,
} from './schedule';
export type { Decision, Fallback, QuietHours, QuietHoursOptions } from './schedule';
export {
  ALLOWED_HOURS_FORM,
  DEFAULT_ALLOWED_HOURS,
  formatAllowedHours,
  parseAllowedHours,
} from './window';
export type { AllowedHours, AllowedHoursResult } from './window';
export { prefixTimeZones, timeZonesOf, zoneSetOf } from './zones';
export type { ZoneSet } from './zones';
