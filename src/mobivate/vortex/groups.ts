import type { Generation } from '../generation';
import { scanList } from '../shared/paged-scan';
import { isObject, optionalString, tolerantId, type Readout } from '../shared/records';
import { mobivateError, unexpectedAnswer, whatMobivateSaid } from '../transport/errors';
import { callMobivate } from '../transport/request';
import type { ListedGroup } from '../types';
import { says } from '../words';
import { vortexPaging } from './paging';

type Groups = NonNullable<Generation['groups']>;

/** Create Group's path (§V5); the list is read at the same path (not documented, below). */
const GROUPS_PATH = '/addressbook/groups';

/** The names an answer has been seen or guessed to carry a group's id under (§V5: not shown). */
const ID_KEYS = ['id', 'group_id', 'groupId', 'groupID', 'uuid'] as const;

const idIn = (value: unknown): string | undefined => {
  if (!isObject(value)) return undefined;
  for (const key of ID_KEYS) {
    const id = tolerantId(value[key]);
    if (id) return id;
  }
  return undefined;
};

/**
 * The group's id, wherever the answer carries it: `{success, record: {id}}` (the envelope of every
 * other Vortex create), `{record: {group_id}}`, `{id}`, `{group_id}`, `{groupID}`. Undefined when
 * it carries none: a 200 whose body Mobivate's docs do not show, so the group was created but its
 * id is unknown (it is not invented).
 */
export const readGroupId = (body: unknown): string | undefined =>
  idIn(isObject(body) ? body.record : undefined) ??
  idIn(isObject(body) ? body.data : undefined) ??
  idIn(body);

/**
 * `POST /addressbook/groups` with a **form-encoded** `name`, the one write Mobivate documents that
 * way (§V5). A 400 (or 409) whose words say the name is taken is `created: false` (Create Group
 * then finds that group); a missing name or any other refusal is Mobivate's error, quoted.
 * A 200 with no body or an object without an id is a created group whose id is unknown; `null`,
 * a list or a page that is not JSON is not an answer to this request.
 */
const create: Groups['create'] = async (z, bundle, name) => {
  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: GROUPS_PATH,
    form: { name },
    expectedErrorStatuses: [400, 409],
  });
  if (answer.status === 400 || answer.status === 409) {
    if (!says(answer.error?.message, 'group-exists')) throw mobivateError(z, answer, bundle);
    return { created: false, said: whatMobivateSaid(answer, bundle) };
  }
  const empty = answer.content.trim() === '';
  if (!empty && !isObject(answer.data)) {
    throw unexpectedAnswer(z, answer, bundle, 'the group ({"success": true, "record": {"id", …}})');
  }
  return { created: true, id: readGroupId(answer.data), name };
};

/** A row of the group list: an id (wherever carried, as in the create answer) and a name. */
export const readListedGroup = (row: unknown): Readout<ListedGroup> => {
  if (!isObject(row)) return { problem: 'it is not a JSON object' };
  const id = idIn(row);
  const name = optionalString(row.name ?? row.group_name ?? row.groupName);
  if (id === undefined) return { problem: 'it has no id', partial: name ? { name } : {} };
  if (name === null) return { problem: 'it has no name' };
  return { record: { id, name } };
};

/** Names compared as Mobivate may: the spaces around them and the letter case aside. */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The group with this name: `GET /addressbook/groups` by offset, in the envelope of every Vortex
 * list. Mobivate documents no group list (§V5), so this reads the collection at the path it
 * creates and deletes groups under, tolerantly; what cannot be read is an error the caller
 * words. The name as typed matches first; else the one group whose name differs only in case.
 */
const find: Groups['find'] = async (z, bundle, name) => {
  const scan = await scanList(z, bundle, {
    path: GROUPS_PATH,
    paging: vortexPaging(),
    read: readListedGroup,
    noun: 'group',
    key: (group) => group.id,
    expected: 'a list of groups ({"results": […]} or {"records": […]})',
    until: (group) => group.name === name,
  });
  if (scan.match || !scan.complete) return scan;
  const alike = scan.items.filter((group) => sameName(group.name, name));
  return alike.length === 1 ? { ...scan, match: alike[0] } : scan;
};

export const groups: Groups = { create, find };
