/**
 * The sandbox's lists, kept ready for answering: the opt-out list in the orders the routes list it,
 * and the message log by creation time. A route asks for one page of a list; sorting or filtering
 * the whole list for every page would make a simulation of 100,000 records polled hundreds of
 * times (the bench's trigger section) take hours. The answers are exactly those of sorting and
 * filtering the whole list: only the work is saved.
 */
import { parseMobivateDate } from './api';
import type { SandboxMessage, SandboxOptOut } from './state';

type Compare<T> = (a: T, b: T) => number;

/** Array.prototype.slice's start and end for a list of `length` elements. */
const sliceBounds = (length: number, start: number, end: number): [number, number] => {
  const at = (value: number) => {
    const whole = Number.isNaN(value) ? 0 : Math.trunc(value);
    return whole < 0 ? Math.max(length + whole, 0) : Math.min(whole, length);
  };
  return [at(start), at(end)];
};

/** A list's matching records: how many, and a range of them as Array.prototype.slice gives it. */
export interface Listing<T> {
  count: number;
  slice(start: number, end: number): T[];
}

export const listing = <T>(list: readonly T[], from = 0, to = list.length): Listing<T> => ({
  count: to - from,
  slice: (start, end) => {
    const [first, last] = sliceBounds(to - from, start, end);
    return list.slice(from + first, from + last);
  },
});

/** The first position in the sorted `list` whose element sorts after `item`. */
const upperBound = <T>(list: readonly T[], item: T, compare: Compare<T>): number => {
  let [low, high] = [0, list.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle]!, item) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** The first position in the ascending `times` that is not before `time`. */
const lowerBound = (times: readonly number[], time: number): number => {
  let [low, high] = [0, times.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! < time) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * The opt-out list: a Map by mobile number that also keeps sorted copies of itself, each in one
 * order (`sorted`), as a stable sort of the Map's order would give. A new number is inserted into
 * each copy; any other change (a delete, a record replaced) drops them, to be sorted anew. Records
 * are not to be changed in place. (Made empty: Map's constructor would set entries before the
 * copies exist.)
 */
export class OptOutList extends Map<string, SandboxOptOut> {
  private additions: SandboxOptOut[] = [];
  private views = new Map<Compare<SandboxOptOut>, { list: SandboxOptOut[]; upTo: number }>();

  override set(mobile: string, record: SandboxOptOut): this {
    const before = super.get(mobile);
    super.set(mobile, record);
    if (before === record) return this;
    if (before === undefined) this.additions.push(record);
    else this.reset();
    return this;
  }

  override delete(mobile: string): boolean {
    const deleted = super.delete(mobile);
    if (deleted) this.reset();
    return deleted;
  }

  override clear(): void {
    super.clear();
    this.reset();
  }

  /** The records in `compare`'s order, equal ones in the list's order. Not to be changed. */
  sorted(compare: Compare<SandboxOptOut>): readonly SandboxOptOut[] {
    let view = this.views.get(compare);
    if (!view) {
      view = { list: [...this.values()].sort(compare), upTo: this.additions.length };
      this.views.set(compare, view);
    }
    const { list } = view;
    for (; view.upTo < this.additions.length; view.upTo++) {
      // A new number is last in the Map's order: after every record equal to it.
      const record = this.additions[view.upTo]!;
      list.splice(upperBound(list, record, compare), 0, record);
    }
    return list;
  }

  private reset() {
    this.views.clear();
    this.additions = [];
  }
}

/** One direction's records of the log (or all of them): where they are, and their times. */
interface Lane {
  positions: number[];
  times: number[];
  /** Whether `times` never go down, so that a time window is one run of positions. */
  ordered: boolean;
}

/**
 * The message log by creation time, per direction ('' for every record), for answering "the
 * records created from `start` to before `end`, in log order". The log is read as it grows; were
 * it shortened or rewritten, it is read anew. Records' `created` is not to be changed.
 */
export const logIndex = (messages: readonly SandboxMessage[]) => {
  let lanes = new Map<string, Lane>();
  let indexed = 0;
  let lastIndexed: SandboxMessage | undefined;
  const add = (key: string, position: number, time: number) => {
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { positions: [], times: [], ordered: true }));
    const previous = lane.times[lane.times.length - 1];
    if (Number.isNaN(time) || (previous !== undefined && time < previous)) lane.ordered = false;
    lane.positions.push(position);
    lane.times.push(time);
  };
  const sync = () => {
    if (indexed > messages.length || (indexed > 0 && messages[indexed - 1] !== lastIndexed)) {
      [lanes, indexed] = [new Map(), 0];
    }
    for (; indexed < messages.length; indexed++) {
      const message = messages[indexed]!;
      const time = parseMobivateDate(message.created) ?? NaN;
      add('', indexed, time);
      add(message.direction, indexed, time);
    }
    lastIndexed = messages[indexed - 1];
  };
  return (start: number, end: number, direction = ''): Listing<SandboxMessage> => {
    sync();
    const lane = lanes.get(direction);
    const toRecords = (positions: number[]) => positions.map((position) => messages[position]!);
    if (!lane || Number.isNaN(start) || Number.isNaN(end)) return listing([]);
    if (!lane.ordered) {
      const inWindow = lane.positions.filter(
        (_, i) => lane.times[i]! >= start && lane.times[i]! < end,
      );
      const found = listing(inWindow);
      return { count: found.count, slice: (from, to) => toRecords(found.slice(from, to)) };
    }
    const first = lowerBound(lane.times, start);
    const found = listing(lane.positions, first, Math.max(first, lowerBound(lane.times, end)));
    return { count: found.count, slice: (from, to) => toRecords(found.slice(from, to)) };
  };
};
