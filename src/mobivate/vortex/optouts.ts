import type { Bundle, ZObject } from 'zapier-platform-core';
import type { Generation } from '../generation';
import { listedBefore, optOutRecord } from '../shared/opt-out-sources';
import { instantRange, mayBeIn, readTime, timeOrder } from '../shared/times';
import { scanList } from '../shared/paged-scan';
import {
  isObject,
  mobileDigits,
  optionalString,
  tolerantId,
  unwrapRecord,
  type Readout,
} from '../shared/records';
import { mobivateError, unexpectedAnswer, whatMobivateSaid } from '../transport/errors';
import { callMobivate } from '../transport/request';
import type { AddedOptOut, ListedOptOut, RemovedOptOut } from '../types';
import { notThere, says } from '../words';
import { vortexPaging } from './paging';

const OPT_OUTS_PATH = '/addressbook/optouts';

/**
 * An opt-out as Vortex lists it: documented `{msisdn, created_on}`, seen live `{id, msisdn, note,
 * created_at, …}` (§9 #24). Without an id, the number and its time stand in for one, so an opt-out
 * that is deleted and made again is new to Zapier.
 */
export const readVortexOptOut = (body: unknown): Readout<ListedOptOut> => {
  if (!isObject(body)) return { problem: 'it is not a JSON object' };
  const mobile = mobileDigits(body.msisdn ?? body.mobile);
  if (mobile === undefined) return { problem: 'it has no readable mobile number' };
  const created = readTime(body.created_at ?? body.created_on ?? body.created);
  if (created === undefined)
    return { problem: 'it has no readable creation time', partial: { mobile } };
  const id = tolerantId(body.id) ?? `${mobile}:${timeOrder(created)}`;
  return { record: { id, ...optOutRecord(mobile, optionalString(body.note), created) } };
};

/** The success body is undocumented (§V2): `{success, record}`, a bare record, or `{success}`. */
const add = async (z: ZObject, bundle: Bundle, mobile: string): Promise<AddedOptOut> => {
  const sentAt = Date.now();
  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: OPT_OUTS_PATH,
    body: { msisdn: mobile },
    expectedErrorStatuses: [400, 409],
  });
  if (answer.status === 409 || answer.status === 400) {
    if (!says(answer.error?.message, 'already-listed')) throw mobivateError(z, answer, bundle);
    return { alreadyListed: true };
  }
  const record = unwrapRecord(answer.data);
  if (isObject(answer.data) && answer.data.success === true && !isObject(answer.data.record)) {
    // Accepted without a record: whether the number was listed before is not said.
    return { alreadyListed: null };
  }
  const read = readVortexOptOut(record);
  if (!('record' in read)) {
    throw unexpectedAnswer(z, answer, bundle, 'the opt-out ({"success": true, …})');
  }
  return { record: read.record, alreadyListed: listedBefore(read.record.created, sentAt) };
};

/** A 404 means "not on the list" (§V2) only in Mobivate's own words (notThere); else an error. */
const remove = async (z: ZObject, bundle: Bundle, mobile: string): Promise<RemovedOptOut> => {
  const answer = await callMobivate(z, bundle, {
    method: 'DELETE',
    path: `${OPT_OUTS_PATH}/${encodeURIComponent(mobile)}`,
    expectedErrorStatuses: [404],
  });
  if (answer.status === 404) {
    if (!notThere(answer)) throw mobivateError(z, answer, bundle);
    return { removed: false, said: whatMobivateSaid(answer, bundle) };
  }
  // 200 {"success": true}: Vortex returns no record (§V2), so the output's record fields are empty.
  const read = readVortexOptOut(unwrapRecord(answer.data));
  if ('record' in read) return { removed: true, record: read.record };
  if (isObject(answer.data) && answer.data.success === true) return { removed: true };
  throw unexpectedAnswer(z, answer, bundle, '{"success": true}');
};

/**
 * Whether the rows read so far show the list is newest first and already past the window's
 * start: every row no newer than the one before it, across pages, with at least one strictly
 * older (rows that all share one time, as a bulk upload leaves them, show no order), and a row
 * older than the window. Only then can the rest of the list be left unread.
 */
const newestFirstPast = (start: number) => {
  let previous: number | undefined;
  let ordered = true;
  let descends = false;
  return (page: ListedOptOut[]): boolean => {
    for (const record of page) {
      const time = timeOrder(record.created);
      if (previous !== undefined && time > previous) ordered = false;
      if (previous !== undefined && time < previous) descends = true;
      previous = time;
    }
    return (
      ordered && descends && page.some((record) => instantRange(record.created).latest < start)
    );
  };
};

/**
 * Vortex's list has no date filter (§V2): it is asked newest first (sortField, sortDir, which the
 * search page documents) and read until the rows show it is past the window; a server that
 * ignores the sort is read whole, within the scan's bounds.
 */
const scan: Generation['optOuts']['scan'] = async (z, bundle, window, { until, limits } = {}) => {
  const inWindow = (record: ListedOptOut) => mayBeIn(record.created, window);
  const result = await scanList(
    z,
    bundle,
    {
      path: OPT_OUTS_PATH,
      paging: vortexPaging({ sortField: 'created_at', sortDir: 'DESC' }),
      read: readVortexOptOut,
      noun: 'opt-out',
      key: (record) => record.id,
      expected: 'a list of opt-outs ({"results": […]} or {"records": […]})',
      until: until && ((record) => inWindow(record) && until(record)),
      pastWindow: newestFirstPast(window.start),
    },
    limits,
  );
  return { ...result, items: result.items.filter(inWindow) };
};

export const optOuts: Generation['optOuts'] = { add, remove, scan };
