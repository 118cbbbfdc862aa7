import { defineInputField, type Bundle, type ZObject } from 'zapier-platform-core';
import { unexpectedAnswer } from './errors';
import {
  WEBHOOK_PATHS,
  mobivateTimeToIso,
  type LoggedMessage,
  type WebhookEvent,
} from './mobivate';
import { scanMessageLog } from './message-log';
import { callMobivate } from './request';
import { DAY_MS, SCAN_LIMITS } from './scan';

/**
 * Mobivate keeps one webhook URL per event type and account, which a registration replaces; it
 * offers no way to read it back and documents none to remove it (§5.1). So:
 * - turning a Zap on registers its URL only once the user has confirmed the replacement;
 * - turning a Zap off sends nothing: removing or overwriting the URL could break a Zap (or the
 *   user's own server) that registered later, and there is no way to know which is registered.
 *   Mobivate keeps posting to the old Zap's URL, which Zapier no longer accepts, until another
 *   URL is registered for that event type.
 */
export const REPLACE_CONFIRMATION = 'replace';

export const replaceWebhookField = (events: string) =>
  defineInputField({
    key: 'replace_registered_webhook',
    label: 'Replace the Registered Webhook',
    type: 'string',
    required: true,
    choices: [
      {
        value: REPLACE_CONFIRMATION,
        sample: REPLACE_CONFIRMATION,
        label: `Yes: send my account's ${events} to this Zap`,
      },
    ],
    helpText: `Mobivate sends each account's ${events} to **one** address. Turning this Zap on replaces the address registered now, for example your own server's or another Zap's, which then stops receiving them: only one Zap per Mobivate account receives ${events}. Turning this Zap off leaves its address registered (Mobivate offers no way to remove it), so nothing is delivered anywhere until you register another address or turn on another Zap.`,
  });

export const subscribeTo =
  (event: WebhookEvent) =>
  async (z: ZObject, bundle: Bundle<{ replace_registered_webhook?: string }>) => {
    if (bundle.inputData.replace_registered_webhook !== REPLACE_CONFIRMATION) {
      throw new z.errors.Error(
        'Confirm "Replace the Registered Webhook" before turning this Zap on: Mobivate sends these events to one address per account, and turning the Zap on replaces the address registered now.',
        'WebhookNotConfirmed',
      );
    }
    if (!bundle.targetUrl) {
      throw new z.errors.Error(
        'Zapier gave no address to register for this Zap. Turn it off and on again.',
        'NoTargetUrl',
      );
    }
    const response = await callMobivate(z, bundle, {
      method: 'POST',
      path: WEBHOOK_PATHS[event],
      body: { url: bundle.targetUrl },
    });
    const body: unknown = response.content.trim() ? response.data : {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw unexpectedAnswer(
        z,
        response,
        bundle,
        'a JSON answer ({"message": "Webhook updated successfully"})',
      );
    }
    return { event, url: bundle.targetUrl, registered_at: new Date().toISOString() };
  };

/** Sends nothing: see REPLACE_CONFIRMATION's comment. */
export const leaveRegistered = async () => ({ unregistered: false });

/**
 * Turns what Zapier received into zero or more Zap items. A payload that is not JSON or lacks the
 * documented fields is skipped with a logged reason; the payload itself is never logged.
 */
export const itemsFromHook = <Event, Item>(
  z: ZObject,
  bundle: Bundle,
  what: string,
  read: (payload: unknown) => Event | undefined,
  toItem: (event: Event) => Item,
  keep: (item: Item) => boolean,
): Item[] => {
  const received: unknown = bundle.cleanedRequest;
  const payloads = Array.isArray(received) ? received : [received];
  return payloads.flatMap((payload, index) => {
    const event = read(payload);
    if (event === undefined) {
      const kind =
        payload === null || typeof payload !== 'object'
          ? 'is not a JSON object'
          : 'lacks the documented fields';
      z.console.log(`Skipped ${what} ${index + 1} of ${payloads.length}: it ${kind}.`);
      return [];
    }
    const item = toItem(event);
    return keep(item) ? [item] : [];
  });
};

/** A timestamp as ISO-8601 UTC, or the time it was received when Mobivate's is unreadable. */
export const isoOrNow = (value: unknown): string =>
  mobivateTimeToIso(value) ?? new Date().toISOString();

/** Recent records of the message log in one direction, newest first, for the Zap editor's samples. */
export const recentLoggedMessages = async (
  z: ZObject,
  bundle: Bundle,
  direction: 'MO' | 'MT',
): Promise<LoggedMessage[]> => {
  const now = Date.now();
  const window = { start: now - 7 * DAY_MS, end: now + DAY_MS };
  // One page is plenty for samples.
  const { items } = await scanMessageLog(
    z,
    bundle,
    window,
    { direction },
    { ...SCAN_LIMITS, maxRequests: 1 },
  );
  return items
    .sort((a, b) =>
      (mobivateTimeToIso(b.created) ?? '').localeCompare(mobivateTimeToIso(a.created) ?? ''),
    )
    .slice(0, 10);
};
