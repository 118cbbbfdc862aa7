/**
 * Zapier's polling, simulated under a virtual clock (bench/virtual-clock.ts): one poll every 5
 * minutes; the first is the dedupe-population run (`bundle.meta.isPopulatingDedupe`), whose ids
 * are remembered, not announced; Zapier remembers the last 105,000 ids a Zap has seen and forgets
 * the oldest first; an item is announced the first time its id comes back while not remembered.
 * What each poll costs in modelled time is the clock's advance from its start to its end.
 */
import type { Bundle } from 'zapier-platform-core';
import type { Sandbox } from '../sandbox/server';
import type { ProcessClock } from './virtual-clock';

export const POLL_INTERVAL_MS = 5 * 60_000;
/** Zapier's dedupe memory per Zap (the app's own figure, src/steps/polls.ts). */
export const ZAPIER_MEMORY_IDS = 105_000;

/**
 * The ids a Zap has seen, in the order first seen; the oldest are forgotten beyond `size`. An id
 * seen again keeps its place (whether Zapier refreshes it is not documented; not refreshing is
 * the cautious reading: ids are forgotten sooner).
 */
export class DedupeMemory {
  private readonly ids = new Set<string>();
  private order: string[] = [];
  private head = 0;

  constructor(private readonly size: number) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  remember(id: string): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.order.push(id);
    while (this.ids.size > this.size) this.ids.delete(this.order[this.head++]!);
    if (this.head > this.size) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }
}

export type Invoke = (method: string, bundle: Partial<Bundle>) => Promise<unknown>;

export interface PollingPlan {
  method: string;
  bundle: Pick<Bundle, 'authData' | 'inputData'>;
  /** The dedupe-population run's time; the polls follow every POLL_INTERVAL_MS. */
  start: number;
  /** The last poll is the first at or after this time. */
  until: number;
}

export interface PollingFigures {
  /** Polls after the population run. */
  polls: number;
  failed: number;
  /** The distinct reasons polls failed, the first few. */
  failures: string[];
  announced: number;
  announcedTwice: number;
  mostItems: number;
  mostBytes: number;
  /** Modelled (virtual) time, from the poll's start to its end. */
  longestPollMs: number;
  /** The app's own work, which the model leaves out: the most real time one poll took. */
  longestRealMs: number;
  requests: number;
  mostRequests: number;
}

const describeFailure = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  try {
    return (JSON.parse(message) as { message: string }).message;
  } catch {
    return message.split('\n')[0]!;
  }
};

const noFigures = (): PollingFigures => ({
  polls: 0,
  failed: 0,
  failures: [],
  announced: 0,
  announcedTwice: 0,
  mostItems: 0,
  mostBytes: 0,
  longestPollMs: 0,
  longestRealMs: 0,
  requests: 0,
  mostRequests: 0,
});

/** With BENCH_PROGRESS set, one line a poll on stderr. */
const progress = (at: number, items: number, requests: number, started: number) => {
  if (!process.env.BENCH_PROGRESS) return;
  const real = Math.round(performance.now() - started);
  const modelled = Date.now() - at;
  process.stderr.write(
    `${new Date(at).toISOString()} ${items} items, ${requests} requests, ${modelled} ms modelled, ${real} ms real\n`,
  );
};

/** Runs the plan's polls; `announced` gets every id announced, once. */
export const simulatePolling = async (
  plan: PollingPlan,
  { clock, sandbox, invoke }: { clock: ProcessClock; sandbox: Sandbox; invoke: Invoke },
  announced: Set<string>,
): Promise<PollingFigures> => {
  const memory = new DedupeMemory(ZAPIER_MEMORY_IDS);
  const figures = noFigures();
  const polls = Math.ceil((plan.until - plan.start) / POLL_INTERVAL_MS);
  for (let poll = 0, at = plan.start; poll <= polls; poll++, at += POLL_INTERVAL_MS) {
    const populating = poll === 0;
    clock.set(at);
    sandbox.requests.length = 0;
    const started = performance.now();
    const outcome = await invoke(plan.method, {
      ...plan.bundle,
      meta: { isPopulatingDedupe: populating, isLoadingSample: false } as Bundle['meta'],
    }).then(
      (output) => ({ output }),
      (error: unknown) => ({ error }),
    );
    if (!populating) record(figures, at, started, sandbox.requests.length);
    if ('error' in outcome) {
      failed(figures, outcome.error);
      continue;
    }
    const items = Array.isArray(outcome.output) ? (outcome.output as { id: unknown }[]) : [];
    if (!populating) measure(figures, items);
    progress(at, items.length, sandbox.requests.length, started);
    for (const { id } of items) {
      const key = String(id);
      if (memory.has(key)) continue;
      memory.remember(key);
      if (populating) continue;
      if (announced.has(key)) figures.announcedTwice++;
      else announced.add(key);
    }
  }
  figures.announced = announced.size;
  return figures;
};

/** A poll that failed, and the first few distinct reasons. */
const failed = (figures: PollingFigures, error: unknown) => {
  figures.failed++;
  const reason = describeFailure(error);
  if (figures.failures.length < 3 && !figures.failures.includes(reason)) {
    figures.failures.push(reason);
  }
};

/** A poll's time and requests. */
const record = (figures: PollingFigures, at: number, started: number, requests: number) => {
  figures.polls++;
  figures.longestPollMs = Math.max(figures.longestPollMs, Date.now() - at);
  figures.longestRealMs = Math.max(figures.longestRealMs, performance.now() - started);
  figures.requests += requests;
  figures.mostRequests = Math.max(figures.mostRequests, requests);
};

/** What a poll returned: its items, and their size as JSON. */
const measure = (figures: PollingFigures, items: unknown[]) => {
  figures.mostItems = Math.max(figures.mostItems, items.length);
  figures.mostBytes = Math.max(figures.mostBytes, Buffer.byteLength(JSON.stringify(items)));
};
