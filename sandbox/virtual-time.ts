/**
 * Virtual time for the latency model (latency.ts), for simulations that would take hours at real
 * latency (the bench's trigger section): an answer does not sleep. Each request is stamped with
 * the virtual time it arrived; its answer is due at that time plus the model's delay, and answers
 * are released in the order they are due, the clock moving forward to each. Requests that are in
 * flight together overlap as they would in real time.
 *
 * An answer is released only when every request the client has made is held here (otherwise a
 * request still on its way would arrive late, at a clock already moved on). Only the client's
 * process knows that: it says so through `settled`. Without it, the queue waits until no request
 * has arrived for QUIET_MS real milliseconds, which is usually, not always, enough.
 */
export interface VirtualTime {
  /** The virtual clock, in epoch milliseconds. */
  now: () => number;
  /** Moves the clock forward to `millis` (never back). */
  advanceTo: (millis: number) => void;
  /** Whether every request the client has sent and not yet seen answered is among the `held`. */
  settled?: (held: number) => boolean;
}

/** A clock that only moves when told to: `advanceTo` forward, `set` anywhere. */
export const virtualClock = (start: number) => {
  let current = start;
  return {
    now: () => current,
    advanceTo: (millis: number) => {
      current = Math.max(current, millis);
    },
    set: (millis: number) => {
      current = millis;
    },
  };
};

/** Without a `settled` check: no arrival for this long, in real milliseconds, before a release. */
export const QUIET_MS = 5;

/** Turns of the event loop the client must stay settled for before an answer is released. */
const CALM_TURNS = 2;

interface Held {
  due: number;
  order: number;
  release: () => void;
}

/** The earliest due, first come first served among equals. */
const earliest = (held: Held[]): number => {
  let first = 0;
  for (let index = 1; index < held.length; index++) {
    const [a, b] = [held[index]!, held[first]!];
    if (a.due < b.due || (a.due === b.due && a.order < b.order)) first = index;
  }
  return first;
};

/**
 * The queue of answers held in virtual time: `hold(due)` resolves when the answer may be given,
 * with the clock at `due` or later. A release needs the client settled on two turns of the event
 * loop in a row, so that what the client does with the last answer (its next requests) is seen.
 */
export const answerQueue = (time: VirtualTime) => {
  const held: Held[] = [];
  let order = 0;
  let lastArrival = 0;
  let scheduled = false;
  let calm = 0;
  const settled = (count: number) =>
    time.settled ? time.settled(count) : performance.now() - lastArrival >= QUIET_MS;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    if (time.settled) setImmediate(step);
    else setTimeout(step, QUIET_MS);
  };
  const step = () => {
    scheduled = false;
    if (held.length === 0) return;
    if (!settled(held.length)) {
      calm = 0;
      return schedule();
    }
    if (++calm < CALM_TURNS) return schedule();
    calm = 0;
    const [next] = held.splice(earliest(held), 1);
    time.advanceTo(next!.due);
    next!.release();
    schedule();
  };
  return (due: number) =>
    new Promise<void>((release) => {
      held.push({ due, order: order++, release });
      lastArrival = performance.now();
      calm = 0;
      schedule();
    });
};
