import type { ZObject } from 'zapier-platform-core';
import { DUPLICATE_CHECK_ROWS } from '../steps/duplicate-check';
import { formatCount } from '../common/text';
import { ADVANCED, choiceInput, readOptionalInteger } from './read';

/**
 * Replay-safe sends (docs/replays.md): with a Reference, a send first looks in the message log of
 * the last Duplicate Window hours for a text with the same reference to the same recipient.
 */
export const DUPLICATE_WINDOW_DEFAULT_HOURS = 24;
export const DUPLICATE_WINDOW_MAX_HOURS = 72;

export const ifAlreadySent = choiceInput({
  key: 'if_already_sent',
  label: 'If Already Sent',
  choices: {
    skip: 'Skip: do not send it again',
    send: 'Send anyway',
  },
  fallback: 'skip',
  helpText: `Used only when a Reference is filled in (in a batch, each recipient's own Reference). Zapier can run a step again (a replayed run, an automatic retry, a trigger that fires twice); with **Skip**, a text with the same Reference to the same number in the last ${DUPLICATE_WINDOW_DEFAULT_HOURS} hours (see Duplicate Window) is not sent again, and the earlier text is reported instead. Map something unique to the event into Reference, such as a form entry ID. The check reads up to ${formatCount(DUPLICATE_CHECK_ROWS)} sent messages; when it cannot finish, nothing is sent and the step says so.`,
});

export const duplicateWindowField = {
  key: 'duplicate_window_hours',
  label: 'Duplicate Window (Hours)',
  type: 'integer',
  required: false,
  group: ADVANCED.key,
  helpText: `How far back to look for the same text, in hours: ${DUPLICATE_WINDOW_DEFAULT_HOURS} when empty, at most ${DUPLICATE_WINDOW_MAX_HOURS}. Used only with a Reference and If Already Sent set to Skip.`,
} as const;

/** The hours to look back, or undefined when no check runs (no Reference, or "Send anyway"). */
export const readDuplicateCheck = (
  z: ZObject,
  inputData: Record<string, unknown>,
  referenceGiven: boolean,
): number | undefined => {
  if (!referenceGiven || ifAlreadySent.read(z, inputData) === 'send') return undefined;
  return (
    readOptionalInteger(z, {
      label: 'Duplicate Window (Hours)',
      value: inputData.duplicate_window_hours,
      min: 1,
      max: DUPLICATE_WINDOW_MAX_HOURS,
      allowed: `enter a whole number of hours from 1 to ${DUPLICATE_WINDOW_MAX_HOURS}, or leave it empty for ${DUPLICATE_WINDOW_DEFAULT_HOURS}`,
      code: 'InvalidDuplicateWindow',
    }) ?? DUPLICATE_WINDOW_DEFAULT_HOURS
  );
};
