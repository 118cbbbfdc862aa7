/**
 * Allowed Hours: the part of each day, on the recipient's clock, in which a text may arrive.
 * Read from what people type: "8-21", "8am-9pm", "08:00-21:00", "08:00–21:00", "9:30-20:00",
 * "8 AM - 9 PM", "8.30-20.00", "0800-2100", "8am to 9pm". docs/quiet-hours.md.
 */
import { quoteInput } from '../common/text';

/** Minutes after local midnight: from `start` up to, not including, `end` (at most 24:00). */
export interface AllowedHours {
  start: number;
  end: number;
}

export type AllowedHoursResult = { hours: AllowedHours } | { problem: string };

const DAY_MINUTES = 24 * 60;

/** 08:00-21:00: the US federal limit for telephone solicitation (47 CFR 64.1200(c)(1)). */
export const DEFAULT_ALLOWED_HOURS: AllowedHours = { start: 8 * 60, end: 21 * 60 };

export const ALLOWED_HOURS_FORM =
  'Allowed Hours must look like 08:00-21:00 (start before end, in 24-hour or am/pm form)';

/** 8 → "08:00", 1440 → "24:00". */
export const formatMinutes = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** { start: 480, end: 1260 } → "08:00-21:00", a form parseAllowedHours reads back. */
export const formatAllowedHours = ({ start, end }: AllowedHours): string =>
  `${formatMinutes(start)}-${formatMinutes(end)}`;

/** Hours, optional minutes (after ":", ".", "h" or none: "0830"), optional am/pm. */
const TIME = /^(\d{1,2})(?:[:.h]?(\d{2}))?h?(am|pm|a\.m\.?|p\.m\.?)?$/;

/** One end of the window in minutes after midnight, or undefined when it is not a time. */
const readTime = (text: string): number | undefined => {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const [, hourText = '', minuteText = '0', suffix] = match;
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (minute > 59) return undefined;
  if (suffix) {
    if (hour < 1 || hour > 12) return undefined;
    return ((hour % 12) + (suffix.startsWith('p') ? 12 : 0)) * 60 + minute;
  }
  if (hour === 24 && minute === 0) return DAY_MINUTES;
  return hour <= 23 ? hour * 60 + minute : undefined;
};

/** "8 AM – 9 PM" → ["8am", "9pm"]: no spaces, one hyphen between the two times. */
const ends = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[\u2010-\u2015\u2212~]|to|until|till/g, '-')
    .split('-');

/**
 * The allowed hours a user typed; empty gives 08:00-21:00. An end at midnight ("9pm-12am",
 * "08:00-00:00") is the end of the day, 24:00. A window that is empty or runs backwards
 * ("21:00-08:00": overnight windows are not supported) is refused, saying the form expected.
 */
export const parseAllowedHours = (text: string | null | undefined): AllowedHoursResult => {
  if (text === null || text === undefined || text.trim() === '') {
    return { hours: { ...DEFAULT_ALLOWED_HOURS } };
  }
  const parts = ends(text);
  const start = parts.length === 2 ? readTime(parts[0]!) : undefined;
  let end = parts.length === 2 ? readTime(parts[1]!) : undefined;
  if (end === 0) end = DAY_MINUTES;
  if (start === undefined || end === undefined || start >= end || start >= DAY_MINUTES) {
    return { problem: `${ALLOWED_HOURS_FORM}, not ${quoteInput(text.trim())}.` };
  }
  return { hours: { start, end } };
};
