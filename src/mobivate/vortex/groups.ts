import type { Generation } from '../generation';
import { isObject, tolerantId } from '../shared/records';
import { unexpectedAnswer } from '../transport/errors';
import { callMobivate } from '../transport/request';

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
 * way (§V5). 400 when the name is missing or taken: mapped in transport/errors.ts, Mobivate's
 * words quoted.
 * A 200 with no body or an object without an id is a created group whose id is unknown; `null`,
 * a list or a page that is not JSON is not an answer to this request.
 */
const create: NonNullable<Generation['groups']>['create'] = async (z, bundle, name) => {
  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: '/addressbook/groups',
    form: { name },
  });
  const empty = answer.content.trim() === '';
  if (!empty && !isObject(answer.data)) {
    throw unexpectedAnswer(z, answer, bundle, 'the group ({"success": true, "record": {"id", …}})');
  }
  return { id: readGroupId(answer.data), name };
};

export const groups: NonNullable<Generation['groups']> = { create };
