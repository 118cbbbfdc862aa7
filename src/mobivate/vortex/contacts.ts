import type { MobivateAnswer } from '../http/answer';
import { mobivateError, unexpectedAnswer, whatMobivateSaid } from '../http/errors';
import { scanList } from '../http/paged-scan';
import { callMobivate } from '../http/request';
import {
  isObject,
  mobileDigits,
  optionalString,
  readEpochMillis,
  tolerantId,
  tolerantString,
  unwrapRecord,
  type Readout,
} from '../records';
import type { Contact, MobivateApi, NewContact } from '../types';
import { vortexPaging } from './paging';

/** The address book (§V5, §6.1): the heading's path, not the curl's `/contacts` (§9 #11). */
const CONTACTS_PATH = '/addressbook/contacts';

/** `meta` as text values; undefined when the answer has no `meta` object. */
const readMeta = (value: unknown): Record<string, string> | undefined => {
  if (!isObject(value)) return undefined;
  const fields: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    const text = typeof item === 'boolean' ? String(item) : tolerantString(item);
    if (text !== undefined) fields[key] = text;
  }
  return fields;
};

/**
 * A contact as Vortex returns it: documented `{id, alias, msisdn, created_on}` (the list rows and
 * the create answer), perhaps with `meta`, `created_at` or a number for a time, like the opt-out
 * rows seen live (§9 #24). The id is required: it is what an update is addressed to (§9 #26).
 */
export const readVortexContact = (body: unknown): Readout<Contact> => {
  if (!isObject(body)) return { problem: 'it is not a JSON object' };
  const mobile = mobileDigits(body.msisdn ?? body.mobile) ?? null;
  const alias = optionalString(body.alias);
  const id = tolerantId(body.id ?? body._id);
  if (id === undefined) {
    return {
      problem: 'it has no id',
      partial: { mobile, alias },
    };
  }
  if (mobile === null && alias === null) return { problem: 'it has neither a number nor an alias' };
  const created = readEpochMillis(body.created_at ?? body.created_on ?? body.created) ?? null;
  return { record: { id, alias, mobile, fields: readMeta(body.meta), created } };
};

/**
 * Whether Mobivate's words say the alias or number is taken. The create page documents a 400
 * `{"success": false, "error": {…}}` without its words (§V5): only words that say so count, never a
 * bare "Bad Request" or a word about something else ("not found", "invalid").
 */
export const saysContactExists = (message: string | undefined): boolean =>
  !!message &&
  /\b(already|duplicate|exists?|taken|in use)\b|\b(must be|not) unique\b/i.test(message) &&
  !/\b(does not|doesn['’]t|do not|don['’]t|never|no such|not found|not exist)\b/i.test(message);

const readAnswerRecord = (answer: MobivateAnswer): Contact | undefined => {
  const read = readVortexContact(unwrapRecord(answer.data));
  return 'record' in read ? read.record : undefined;
};

const saysSuccess = (answer: MobivateAnswer) =>
  isObject(answer.data) && answer.data.success === true && !isObject(answer.data.record);

const bodyOf = ({ alias, mobile, fields }: NewContact) => ({ alias, msisdn: mobile, meta: fields });

/** `POST /addressbook/contacts` `{alias, msisdn, meta}` (§V5). */
const add: NonNullable<MobivateApi['contacts']>['add'] = async (z, bundle, contact) => {
  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: CONTACTS_PATH,
    body: bodyOf(contact),
    expectedErrorStatuses: [400, 409],
  });
  if (answer.status === 400 || answer.status === 409) {
    if (!saysContactExists(answer.error?.message)) throw mobivateError(z, answer, bundle);
    return { created: false, said: whatMobivateSaid(answer, bundle) };
  }
  const record = readAnswerRecord(answer);
  if (record) return { created: true, record };
  if (saysSuccess(answer)) return { created: true };
  throw unexpectedAnswer(z, answer, bundle, 'the contact ({"success": true, "record": {…}})');
};

/**
 * **`POST`** `/addressbook/contacts/{id}` `{msisdn, alias, meta}` (§V5, §9 #26). Whether `meta`
 * replaces or merges is undocumented, so the caller sends the whole map it wants the contact to
 * have. `{"success": true}` alone means the contact is what was sent.
 */
const update: NonNullable<MobivateApi['contacts']>['update'] = async (z, bundle, id, contact) => {
  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: `${CONTACTS_PATH}/${encodeURIComponent(id)}`,
    body: { msisdn: contact.mobile, alias: contact.alias, meta: contact.fields },
  });
  const record = readAnswerRecord(answer);
  if (record) return record;
  if (saysSuccess(answer)) {
    return {
      id,
      alias: contact.alias,
      mobile: contact.mobile,
      fields: contact.fields,
      created: null,
    };
  }
  throw unexpectedAnswer(z, answer, bundle, 'the contact ({"success": true, "record": {…}})');
};

/**
 * The list (§V5), newest first as the docs' example asks (`sortField=created_on&sortDir=DESC`), in
 * the documented envelope or the one seen live on the opt-out list (`results`), by offset.
 */
const scan: NonNullable<MobivateApi['contacts']>['scan'] = (z, bundle, until) =>
  scanList(z, bundle, {
    path: CONTACTS_PATH,
    paging: vortexPaging({ sortField: 'created_on', sortDir: 'DESC' }),
    read: readVortexContact,
    noun: 'contact',
    key: (contact) => contact.id,
    expected: 'a list of contacts ({"results": […]} or {"records": […]})',
    until,
  });

/**
 * `DELETE /addressbook/contacts/{msisdn}`, by the number, not the id (§9 #26). A 404 means "no
 * such contact" only in Mobivate's own words; a web page, an empty body or a framework's "Not
 * Found" is a wrong address, and an error.
 */
const remove: NonNullable<MobivateApi['contacts']>['remove'] = async (z, bundle, mobile) => {
  const answer = await callMobivate(z, bundle, {
    method: 'DELETE',
    path: `${CONTACTS_PATH}/${encodeURIComponent(mobile)}`,
    expectedErrorStatuses: [404],
  });
  if (answer.status === 404) {
    if (!isObject(answer.data) || !answer.error || answer.error.generic) {
      throw mobivateError(z, answer, bundle);
    }
    return { removed: false, said: whatMobivateSaid(answer, bundle) };
  }
  if (isObject(answer.data) && (answer.data.success === true || readAnswerRecord(answer))) {
    return { removed: true };
  }
  throw unexpectedAnswer(z, answer, bundle, '{"success": true}');
};

export const contacts: NonNullable<MobivateApi['contacts']> = { add, update, scan, remove };
