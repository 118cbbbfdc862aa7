/**
 * The messaging routes: single and batch sends (§3.1, §3.3), which write the message log, and the
 * log's search and lookup by id (§4).
 */
import { error, readPaging, readWindow, type Handler, type Route } from '../api';
import type { SandboxState } from '../state';
import { holdUntil, scheduledTime } from './scheduled';

const MAX_BATCH = 1000;

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isMobile = (value: string) => /^\d{7,15}$/.test(value);
const textOrNull = (value: unknown) => (isText(value) ? value : null);

/** The send a request asks for, or why Mobivate refuses it, in its words. */
const readSingleSend = (body: unknown, { optOuts }: SandboxState) => {
  const fields = (body ?? {}) as Record<string, unknown>;
  const { originator, recipient, body: text, routeId } = fields;
  if (!isText(originator)) return error(400, 'originator: may not be empty');
  if (!isText(recipient) || !isMobile(recipient)) return error(400, 'Invalid mobile number');
  if (!isText(text)) return error(400, 'body: may not be empty');
  if (!isText(routeId)) return error(400, 'routeId: may not be empty');
  if (optOuts.has(recipient)) return error(403, `Recipient is opted out: ${recipient}`);
  const [reference, campaignId] = [textOrNull(fields.reference), textOrNull(fields.campaignId)];
  return { originator, recipient, body: text, routeId, reference, campaignId };
};

const sendSingle =
  (state: SandboxState): Handler =>
  ({ body }) => {
    const send = readSingleSend(body, state);
    if ('status' in send) return send;
    const { reference, ...logged } = send;
    const message = state.logMessage({ ...logged, senderReference: reference });
    // The answer echoes the request, with the id the log gave the message.
    return { status: 200, body: { id: message.id, ...send } };
  };

/** A batch recipient as Mobivate reads it; undefined when it is invalid. */
const readBatchItem = (item: unknown) => {
  const { originator, recipient, text, reference } = (item ?? {}) as Record<string, unknown>;
  if (!isText(originator) || !isText(recipient) || !isText(text) || !isMobile(recipient)) {
    return undefined;
  }
  return { originator, recipient, text, reference: textOrNull(reference) };
};

/** Both exclusions are on unless the request turns them off (§3.3). */
const exclusions = (campaign: Record<string, unknown>) => ({
  excludeOptouts: campaign.excludeOptouts !== false,
  excludeDuplicates: campaign.excludeDuplicates !== false,
});

/** Logs the batch's messages in order; an invalid recipient stops it where it is. */
const logBatch = (state: SandboxState, campaign: Record<string, unknown>, list: unknown[]) => {
  const { excludeOptouts, excludeDuplicates } = exclusions(campaign);
  const at = scheduledTime(campaign.scheduleDateTime);
  const seen = new Set<string>();
  const accepted: Record<string, unknown>[] = [];
  for (const entry of list) {
    const item = readBatchItem(entry);
    if (!item) return error(400, 'Invalid recipient');
    const { originator, recipient, text, reference } = item;
    const optedOut = excludeOptouts && state.optOuts.has(recipient);
    if (optedOut || (excludeDuplicates && seen.has(recipient))) continue;
    seen.add(recipient);
    const logged = state.logMessage({
      originator,
      recipient,
      body: text,
      senderReference: reference,
    });
    holdUntil(state, logged, at);
    accepted.push({ ...item, routeId: null });
  }
  return accepted;
};

/** The batch's answer: the campaign as Mobivate stored it, with the recipients it accepted. */
const campaignAnswer = (
  state: SandboxState,
  campaign: Record<string, unknown>,
  recipients: Record<string, unknown>[],
) => ({
  id: `fd9157b74bd3475d8716a6968306${String(state.nextMessageNumber()).padStart(4, '0')}`,
  name: textOrNull(campaign.name),
  routeId: campaign.routeId ?? null,
  shortenUrls: campaign.shortenUrls === true,
  spreadHours: typeof campaign.spreadHours === 'number' ? campaign.spreadHours : 0,
  ...exclusions(campaign),
  scheduleDateTime: campaign.scheduleDateTime ?? null,
  recipients,
});

const sendBatch =
  (state: SandboxState): Handler =>
  ({ body }) => {
    const campaign = (body ?? {}) as Record<string, unknown>;
    const list = campaign.recipients;
    if (!Array.isArray(list) || list.length === 0) {
      return error(400, 'recipients: may not be empty');
    }
    if (list.length > MAX_BATCH) return error(400, `recipients: at most ${MAX_BATCH} per request`);
    const accepted = logBatch(state, campaign, list);
    if ('status' in accepted) return accepted;
    return { status: 200, body: campaignAnswer(state, campaign, accepted) };
  };

const searchMessages =
  ({ messagesCreated }: SandboxState): Handler =>
  ({ query }) => {
    const window = readWindow(query);
    if ('status' in window) return window;
    const paging = readPaging(query);
    if ('status' in paging) return paging;
    // Both ends included; times are whole milliseconds.
    const matching = messagesCreated(window.start, window.end + 1, query.direction || '');
    const { page, pageSize } = paging;
    return { status: 200, body: matching.slice((page - 1) * pageSize, page * pageSize) };
  };

/** The log's routes by path. */
export const messageRoutes = (state: SandboxState): Record<string, Route> => ({
  '/send/single': { POST: sendSingle(state) },
  '/send/batch': { POST: sendBatch(state) },
  '/message': { GET: searchMessages(state) },
});

/** GET /message/{id} (§4.3), the one path with a parameter; undefined for any other path. */
export const messageByIdRoute = (
  { findMessage }: SandboxState,
  path: string,
): Route | undefined => {
  const byId = /^\/message\/([^/]+)$/.exec(path);
  if (!byId) return undefined;
  const id = decodeURIComponent(byId[1]!);
  return {
    GET: () => {
      const message = findMessage(id);
      return message ? { status: 200, body: message } : error(404, 'Message not found');
    },
  };
};
