import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  ALLOWED_HOURS_FORM,
  DEFAULT_ALLOWED_HOURS,
  formatAllowedHours,
  parseAllowedHours,
  type AllowedHours,
  type QuietHoursOptions,
} from '../quiet-hours';
import { choiceInput, settingProblem, singleText } from './read';

/**
 * Quiet hours (docs/quiet-hours.md): Send SMS, Send Batch SMS and Send Template Campaign can hold
 * each text until the recipient's allowed hours in the time zones their number may be in.
 */
export const quietHours = choiceInput({
  key: 'quiet_hours',
  label: 'Quiet Hours',
  choices: {
    off: 'Off: send now',
    hold: 'Hold each text until the recipient’s allowed hours',
  },
  fallback: 'off',
  helpText:
    'With **Hold**, a text that would reach someone outside **Allowed Hours** in their own time zone (worked out from their number: the area code in North America, the country elsewhere) is scheduled for the earliest allowed time instead, and the output says when. A number whose time zone is unknown is timed by your Zap’s time zone. This is a courtesy and a safeguard, not legal advice.',
});

export const allowedHoursField = {
  key: 'allowed_hours',
  label: 'Allowed Hours',
  type: 'string',
  required: false,
  default: formatAllowedHours(DEFAULT_ALLOWED_HOURS),
  helpText: `When texts may arrive, in the recipient’s local time, like \`08:00-21:00\`, \`8-21\` or \`8am-9pm\`. The default follows the US federal rule (8 AM to 9 PM); some US states are stricter (8 PM in Florida, Oklahoma, Maryland, Mississippi and New Jersey; from 9 AM in Connecticut and Texas): setting the window for your audience is yours to do. Used only when **Quiet Hours** is Hold.`,
} as const;

/** For group and contact sends, whose members' numbers the app cannot see. */
export const quietHoursTimeZoneField = {
  key: 'quiet_hours_time_zone',
  label: 'Quiet Hours Time Zone (Groups and Contacts)',
  type: 'string',
  required: false,
  helpText:
    'The time zone Allowed Hours apply in for texts to contact groups or aliases, whose numbers the app cannot see, like `America/New_York` or `Europe/London`. Empty: your Zap’s time zone. This may not be each member’s own.',
} as const;

export const quietHoursFields = [quietHours.field, allowedHoursField] as const;

/** What a step needs to hold texts; `groupZone` for groups and aliases, when chosen. */
export type HoldOptions = QuietHoursOptions & { groupZone?: string };

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** What the step needs to hold texts: undefined when Quiet Hours is Off. */
export const readQuietHours = (
  z: ZObject,
  bundle: Bundle,
  now = Date.now(),
): HoldOptions | undefined => {
  const { inputData } = bundle;
  if (quietHours.read(z, inputData) !== 'hold') return undefined;
  const fail = settingProblem(z, 'InvalidQuietHours');
  const text = singleText(z, 'Allowed Hours', inputData.allowed_hours, ALLOWED_HOURS_FORM, fail);
  const parsed = parseAllowedHours(text);
  if ('problem' in parsed) throw fail(parsed.problem);
  const hours: AllowedHours = parsed.hours;
  const chosen = singleText(
    z,
    'Quiet Hours Time Zone',
    inputData.quiet_hours_time_zone,
    'a time zone',
    fail,
  ).trim();
  if (chosen && !isTimeZone(chosen)) {
    throw fail(
      `Quiet Hours Time Zone "${chosen}" is not a time zone name. Use one like America/New_York or Europe/London, or leave it empty for your Zap's time zone.`,
    );
  }
  const fallbackZone = bundle.meta?.timezone ?? null;
  return { now, hours, fallbackZone, ...(chosen ? { groupZone: chosen } : {}) };
};
