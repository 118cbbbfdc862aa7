import type { Generation } from '../generation';
import { scanList } from '../shared/paged-scan';
import {
  isObject,
  mobileDigits,
  optionalString,
  tolerantId,
  unwrapRecord,
  type Readout,
} from '../shared/records';
import { readTime } from '../shared/times';
import type { MobivateAnswer } from '../transport/answer';
import { mobivateError, unexpectedAnswer, whatMobivateSaid } from '../transport/errors';
import { callMobivate } from '../transport/request';
import type { Contact, NewContact } from '../types';
import { notThere, says } from '../words';
import { vortexPaging } from './paging';

type Contacts = NonNullable<Generation['contacts']>;

/** The address book (§V5, §6.1): the heading's path, not the curl's `/contacts` (§9 #11). */
const CONTACTS_PATH = '/addressbook/contacts';

/**
 * `meta` as Mobivate holds it, values of every type kept as they are (an update sends them back
 * untouched); undefined when the answer has no `meta` object.
 */
const readMeta = (value: unknown): Record<string, unknown> | undefined =>
  isObject(value) ? { ...value } : undefined;

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
  const created = readTime(body.created_at ?? body.created_on ?? body.created) ?? null;
  return { record: { id, alias, mobile, fields: readMeta(body.meta), created } };
};

const readAnswerRecord = (answer: MobivateAnswer): Contact | undefined => {
  const read = readVortexContact(unwrapRecord(answer.data));
  return 'record' in read ? read.record : undefined;
};

const saysSuccess = (answer: MobivateAnswer) =>
  isObject(answer.data) && answer.data.success === true && !isObject(answer.data.record);

const bodyOf = ({ alias, mobile, fields }: NewContact) => ({ alias, msisdn: mobile, meta: fields });

/** `POST /addressbook/contacts` `{alias, msisdn, meta}` (§V5). */
const add: Contacts['add'] = async (z, bundle, contact) => {
  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: CONTACTS_PATH,
    body: bodyOf(contact),
    expectedErrorStatuses: [400, 409],
  });
  if (answer.status === 400 || answer.status === 409) {
    // §V5 documents a 400 without its words: only words that say the contact exists count.
    if (!says(answer.error?.message, 'contact-exists')) throw mobivateError(z, answer, bundle);
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
const update: Contacts['update'] = async (z, bundle, id, contact) => {
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
const scan: Contacts['scan'] = (z, bundle, { until, limits } = {}) =>
  scanList(
    z,
    bundle,
    {
      path: CONTACTS_PATH,
      paging: vortexPaging({ sortField: 'created_on', sortDir: 'DESC' }),
      read: readVortexContact,
      noun: 'contact',
      key: (contact) => contact.id,
      expected: 'a list of contacts ({"results": […]} or {"records": […]})',
      until,
    },
    limits,
  );

/**
 * `DELETE /addressbook/contacts/{msisdn}`, by the number, not the id (§9 #26). A 404 means "no
 * such contact" only in Mobivate's own words (notThere); anything else is an error.
 */
const remove: Contacts['remove'] = async (z, bundle, mobile) => {
  const answer = await callMobivate(z, bundle, {
    method: 'DELETE',
    path: `${CONTACTS_PATH}/${encodeURIComponent(mobile)}`,
    expectedErrorStatuses: [404],
  });
  if (answer.status === 404) {
    if (!notThere(answer)) throw mobivateError(z, answer, bundle);
    return { removed: false, said: whatMobivateSaid(answer, bundle) };
  }
  if (isObject(answer.data) && (answer.data.success === true || readAnswerRecord(answer))) {
    return { removed: true };
  }
  throw unexpectedAnswer(z, answer, bundle, '{"success": true}');
};

export const contacts: Contacts = { add, update, scan, remove };
