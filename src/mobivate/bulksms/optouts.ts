import type { Bundle, ZObject } from 'zapier-platform-core';
import { appError } from '../../common/error-codes';
import type { Generation } from '../generation';
import { listedBefore, optOutRecord } from '../shared/opt-out-sources';
import { readTime } from '../shared/times';
import { scanList } from '../shared/paged-scan';
import {
  isObject,
  mobileDigits,
  optionalString,
  tolerantId,
  type Readout,
} from '../shared/records';
import type { MobivateAnswer } from '../transport/answer';
import { hasTimeForRequest } from '../transport/deadline';
import { mobivateError, unexpectedAnswer, whatMobivateSaid } from '../transport/errors';
import { callMobivate } from '../transport/request';
import type { AddedOptOut, ListedOptOut, OptOutRecord, RemovedOptOut } from '../types';
import { notThere, says } from '../words';
import { bulkSmsPaging } from './paging';

/** List (GET), add (POST) and delete (DELETE) share this path (§2.1). */
const OPT_OUT_PATH = '/addressbook/optout';
/**
 * §9 #1: the "Delete an OptOut" page's heading says /addressbook/optout, but its curl and Python
 * examples call /optout. The heading's route is tried first; this one only when it is missing.
 */
const LEGACY_DELETE_PATH = '/optout';

/** Reads an opt-out tolerantly (see tolerantNumber, tolerantString), with its mobile as digits. */
export const readOptOut = (body: unknown): Readout<OptOutRecord> => {
  if (!isObject(body)) return { problem: 'it is not a JSON object' };
  const mobile = mobileDigits(body.mobile);
  if (mobile === undefined) return { problem: 'it has no readable mobile number' };
  const created = readTime(body.created);
  if (created === undefined)
    return { problem: 'it has no readable creation time', partial: { mobile } };
  return { record: optOutRecord(mobile, optionalString(body.note), created) };
};

export const readListedOptOut = (body: unknown): Readout<ListedOptOut> => {
  const read = readOptOut(body);
  if (!('record' in read)) return read;
  const id = tolerantId(isObject(body) ? body.id : undefined);
  if (id === undefined) return { problem: 'it has no readable id', partial: read.record };
  return { record: { id, ...read.record } };
};

/**
 * Mobivate documents no answer for adding a number that is already opted out (§2.1). What can be
 * known: a refusal whose words say the number is already listed (words.ts); or, from the record
 * it answers with, when it was made (listedBefore). Anything else is an error or unknown.
 */
const add = async (z: ZObject, bundle: Bundle, mobile: string): Promise<AddedOptOut> => {
  const sentAt = Date.now();
  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: OPT_OUT_PATH,
    body: { mobile },
    expectedErrorStatuses: [400, 409],
  });
  if (answer.status === 409 || answer.status === 400) {
    if (!says(answer.error?.message, 'already-listed')) throw mobivateError(z, answer, bundle);
    return { alreadyListed: true };
  }
  const read = readOptOut(answer.data);
  if (!('record' in read)) {
    throw unexpectedAnswer(z, answer, bundle, 'the opt-out ({"mobile", "note", "created"})');
  }
  return { record: read.record, alreadyListed: listedBefore(read.record.created, sentAt) };
};

/**
 * A 404 in Mobivate's own words means "not on the list" (words.ts, notThere). Any other 404, or a
 * 405, means the route itself is missing, so the other documented route is tried once (§9 #1). A
 * missing route is never "not opted out".
 */
const routeMissing = (answer: MobivateAnswer) =>
  answer.status === 405 || (answer.status === 404 && !notThere(answer));

const endpointNotFound = (z: ZObject, mobile: string, second?: MobivateAnswer) =>
  appError(
    z,
    'OptOutEndpointNotFound',
    `Removing opt-outs is not possible at this API Address: ${second ? 'neither of the two addresses Mobivate documents for it exists there' : 'the first of the two addresses Mobivate documents for it does not exist there, and there was no time left in this step to try the second'}. Nothing was removed, and whether ${mobile} is opted out is unknown. Check the API Address of your Mobivate connection (Mobivate gives some accounts their own address).`,
    second?.status ?? 404,
  );

const deleteAt = (z: ZObject, bundle: Bundle, path: string, mobile: string) =>
  callMobivate(z, bundle, {
    method: 'DELETE',
    path,
    body: { mobile },
    expectedErrorStatuses: [404, 405],
  });

const remove = async (z: ZObject, bundle: Bundle, mobile: string): Promise<RemovedOptOut> => {
  let answer = await deleteAt(z, bundle, OPT_OUT_PATH, mobile);
  if (routeMissing(answer)) {
    if (!hasTimeForRequest(bundle)) throw endpointNotFound(z, mobile);
    answer = await deleteAt(z, bundle, LEGACY_DELETE_PATH, mobile);
    if (routeMissing(answer)) throw endpointNotFound(z, mobile, answer);
  }
  if (answer.status === 404) return { removed: false, said: whatMobivateSaid(answer, bundle) };
  const read = readOptOut(answer.data);
  if (!('record' in read)) {
    throw unexpectedAnswer(
      z,
      answer,
      bundle,
      'the deleted opt-out ({"mobile", "note", "created"})',
    );
  }
  return { removed: true, record: read.record };
};

/** Reads the opt-outs created in the window, stopping at the first for which `until` is true. */
const scan: Generation['optOuts']['scan'] = (z, bundle, window, { until, limits } = {}) =>
  scanList(
    z,
    bundle,
    {
      path: OPT_OUT_PATH,
      paging: bulkSmsPaging(window),
      read: readListedOptOut,
      noun: 'opt-out',
      key: (record) => record.id,
      expected: 'a list of opt-outs ([{"id", "mobile", "note", "created"}])',
      until,
    },
    limits,
  );

export const optOuts: Generation['optOuts'] = { add, remove, scan };
