/** The opt-out list's routes: add, delete and list (§2). */
import { error, readPaging, readWindow, type Handler, type Route } from '../api';
import { listing } from '../indexes';
import type { SandboxOptOut, SandboxState } from '../state';

export interface OptOutRouteOptions {
  /** Which of the two documented delete routes exists (§9 #1); see SandboxOptions. */
  deleteRoute: 'heading' | 'examples';
  /** A delete answers with the record but keeps it. */
  keepOnDelete: boolean;
}

const mobileFrom = (body: unknown): string | undefined => {
  const mobile = (body as { mobile?: unknown } | null)?.mobile;
  return typeof mobile === 'string' && /^\d{7,15}$/.test(mobile) ? mobile : undefined;
};

// Add and delete answer with the record without its id, exactly like the docs' examples.
const withoutId = ({ mobile, note, created }: SandboxOptOut) => ({ mobile, note, created });

const deleteOptOut =
  ({ optOuts }: SandboxState, keepOnDelete: boolean): Handler =>
  (request) => {
    const mobile = mobileFrom(request.body);
    if (!mobile) return error(400, 'Invalid mobile number');
    const record = optOuts.get(mobile);
    // Undocumented in G1; G2 documents a 404 for a number that is not on the list (§2.2).
    if (!record) return error(404, 'Mobile number not found in optout list');
    if (!keepOnDelete) optOuts.delete(mobile);
    return { status: 200, body: withoutId(record) };
  };

const addOptOut =
  ({ optOuts, nextOptOutId, now }: SandboxState): Handler =>
  (request) => {
    const mobile = mobileFrom(request.body);
    if (!mobile) return error(400, 'Invalid mobile number');
    // Undocumented: a duplicate add answers with the existing record.
    const record = optOuts.get(mobile) ?? {
      id: nextOptOutId(),
      mobile,
      note: 'API',
      created: now(),
    };
    optOuts.set(mobile, record);
    return { status: 200, body: withoutId(record) };
  };

/** Undocumented: the order of the list. Oldest first, then by id, stable across pages. */
const oldestFirst = (a: SandboxOptOut, b: SandboxOptOut) => a.created - b.created || a.id - b.id;

/** The first position in the list, oldest first, whose record is past `time` (or at it). */
const firstPast = (list: readonly SandboxOptOut[], time: number, orAt: boolean) => {
  let [low, high] = [0, list.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    const created = list[middle]!.created;
    if (created < time || (created === time && !orAt)) low = middle + 1;
    else high = middle;
  }
  return low;
};

const listOptOuts =
  ({ optOuts }: SandboxState): Handler =>
  ({ query }) => {
    const window = readWindow(query);
    if ('status' in window) return window;
    const paging = readPaging(query);
    if ('status' in paging) return paging;
    const list = optOuts.sorted(oldestFirst);
    const first = firstPast(list, window.start, true);
    const matching = listing(list, first, Math.max(first, firstPast(list, window.end, false)));
    const { page, pageSize } = paging;
    return { status: 200, body: matching.slice((page - 1) * pageSize, page * pageSize) };
  };

/** The list's routes by path: the delete is at one of its two documented paths. */
export const optOutRoutes = (
  state: SandboxState,
  { deleteRoute, keepOnDelete }: OptOutRouteOptions,
): Record<string, Route> => {
  const remove = deleteOptOut(state, keepOnDelete);
  return {
    '/addressbook/optout': {
      GET: listOptOuts(state),
      POST: addOptOut(state),
      ...(deleteRoute === 'heading' ? { DELETE: remove } : {}),
    },
    ...(deleteRoute === 'examples' ? { '/optout': { DELETE: remove } } : {}),
  };
};
