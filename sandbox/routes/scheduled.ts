/**
 * Sends Mobivate holds until a time (quiet hours, Send At): BulkSMS batches' `scheduleDateTime`
 * (§3.3), Vortex batches' `scheduled` and single sends' `scheduleDateTime` (§V3). Undocumented:
 * how the log shows a held text. The sandbox logs it at once with the status SCHEDULED (Vortex's
 * word for it, §V4), and ACCEPTED from its time on, so a replay before then still finds it.
 */
import { parseMobivateDate } from '../api';
import type { SandboxMessage, SandboxState } from '../state';

/** The time a request asks Mobivate to hold its texts until, if any, in epoch milliseconds. */
export const scheduledTime = (value: unknown): number | undefined => {
  if (typeof value !== 'string' || !value) return undefined;
  const millis = parseMobivateDate(value) ?? Date.parse(value);
  return Number.isNaN(millis) ? undefined : millis;
};

/** Marks a logged text as held until `at`, and plans its release; a past time sends it now. */
export const holdUntil = (
  state: SandboxState,
  message: SandboxMessage,
  at: number | undefined,
): SandboxMessage => {
  if (at === undefined || at <= state.now() || message.status !== 'ACCEPTED') return message;
  message.status = 'SCHEDULED';
  state.timeline.schedule(at, () => state.setStatus(message.id, 'ACCEPTED', at));
  return message;
};
