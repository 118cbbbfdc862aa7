/**
 * Changes to the sandbox's account planned for later times: an opt-out, an incoming message, a new
 * status. A simulation (the bench's trigger section, under a virtual clock) plans them all at the
 * start; each is made, in time order, before the sandbox answers the first request that arrives
 * at or after its time. Whoever plans a change gives it its own time (a record's `created`, a
 * status's `modified`), so a change made late still carries the time it was planned for.
 */
export interface Timeline {
  /** Plans `change` for `at` (epoch milliseconds); changes at the same time keep their order. */
  schedule(at: number, change: () => void): void;
  /** Makes every planned change whose time has come. */
  catchUp(): void;
}

interface Planned {
  at: number;
  change: () => void;
}

export const createTimeline = (now: () => number): Timeline => {
  let planned: Planned[] = [];
  let next = 0;
  let sorted = true;
  return {
    schedule(at, change) {
      const last = planned[planned.length - 1];
      if (last && at < last.at) sorted = false;
      planned.push({ at, change });
    },
    catchUp() {
      if (next === planned.length) return;
      if (!sorted) {
        // A stable sort of what is still to come keeps same-time changes in the planned order.
        planned = planned.slice(next).sort((a, b) => a.at - b.at);
        next = 0;
        sorted = true;
      }
      const time = now();
      while (next < planned.length && planned[next]!.at <= time) planned[next++]!.change();
      if (next === planned.length) {
        planned = [];
        next = 0;
      }
    },
  };
};
