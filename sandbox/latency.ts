/**
 * The sandbox's latency model, off by default: each answer waits as a real API's would, so that
 * the benchmark and the end-to-end tests see what a step does at real round trips, and, on
 * request, a rate limit answers 429. Nothing here changes what is answered, only when.
 *
 * The figures (docs/performance.md): Mobivate publishes none, and the only one observed is a
 * Vortex list page of 5,000 rows in about 10 seconds (docs, reference §2), so 2 ms a row. The
 * rest is an assumption, a typical REST round trip: 300 ms a request, 1 ms a batch recipient.
 */
import { error, type Handler, type RecordedRequest } from './api';
import { answerQueue, type VirtualTime } from './virtual-time';

type Answer = ReturnType<Handler>;

export interface LatencyModel {
  /** Every request, in milliseconds. */
  baseMs: number;
  /** Each row of a list in the answer (a page of opt-outs or messages). */
  perRowMs: number;
  /** Each recipient in a batch request's body. */
  perRecipientMs: number;
  /** Each answer is this much sooner or later, at random (uniform, ±). */
  jitterMs: number;
}

export type LatencyPreset = 'bulksms' | 'vortex';

/** Per API generation. Vortex's per-row cost is observed; every other figure is assumed. */
export const LATENCY_PRESETS: Record<LatencyPreset, LatencyModel> = {
  bulksms: { baseMs: 300, perRowMs: 0, perRecipientMs: 1, jitterMs: 30 },
  vortex: { baseMs: 300, perRowMs: 2, perRecipientMs: 1, jitterMs: 30 },
};

export interface LatencyOptions extends Partial<LatencyModel> {
  /** The figures to start from (default: the sandbox's generation); the fields above override. */
  preset?: LatencyPreset;
  /** Answers 429 to a request when more than this many arrived in the last second. */
  rateLimitPerSecond?: number;
  /** For tests: 0 ≤ random() < 1. */
  random?: () => number;
  /**
   * For simulations: answers wait in virtual time, not real time (virtual-time.ts); the rate
   * limit counts virtual seconds too.
   */
  virtual?: VirtualTime;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rows of a list answer, in any shape the sandbox answers with. */
export const rowsIn = (body: unknown): number => {
  if (Array.isArray(body)) return body.length;
  if (!isObject(body)) return 0;
  const rows = body.results ?? body.records;
  return Array.isArray(rows) ? rows.length : 0;
};

/** The recipients of a batch request. */
export const recipientsIn = (body: unknown): number =>
  isObject(body) && Array.isArray(body.recipients) ? body.recipients.length : 0;

export const delayOf = (
  model: LatencyModel,
  request: RecordedRequest,
  answer: Answer,
  random: () => number = Math.random,
): number => {
  const cost =
    model.baseMs +
    model.perRowMs * rowsIn(answer.body) +
    model.perRecipientMs * recipientsIn(request.body);
  return Math.max(0, cost + model.jitterMs * (2 * random() - 1));
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Undocumented: what Mobivate answers when throttling. Its usual error body, kept plain. */
export const TOO_MANY_REQUESTS = error(429, 'Too Many Requests');

/**
 * Wraps the sandbox's answering: the answer is made when the request arrives (a batch is logged
 * then), and given after the model's delay, in real time or, with `virtual`, in virtual time. A
 * request over the rate limit is not handled at all: it gets TOO_MANY_REQUESTS, after the base
 * latency.
 */
export const withLatency = (
  answer: (request: RecordedRequest, rawBody: string) => Answer,
  options: LatencyOptions,
  generation: LatencyPreset,
) => {
  const { preset, rateLimitPerSecond, random, virtual, ...overrides } = options;
  const model: LatencyModel = { ...LATENCY_PRESETS[preset ?? generation], ...overrides };
  const arrivals: number[] = [];
  const hold = virtual && answerQueue(virtual);
  return async (request: RecordedRequest, rawBody: string): Promise<Answer> => {
    const now = virtual ? virtual.now() : Date.now();
    while (arrivals.length > 0 && arrivals[0]! <= now - 1000) arrivals.shift();
    arrivals.push(now);
    const throttled = rateLimitPerSecond !== undefined && arrivals.length > rateLimitPerSecond;
    const answered = throttled ? TOO_MANY_REQUESTS : answer(request, rawBody);
    const delay = delayOf(model, request, answered, random);
    await (hold ? hold(now + delay) : sleep(delay));
    return answered;
  };
};
