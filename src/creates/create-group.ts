import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { vortexOnly } from '../campaigns';
import { optionalText, recordProblem } from '../inputs';
import groupSample from '../samples/group.json';

const inputFields = defineInputFields([
  {
    key: 'name',
    label: 'Group Name',
    type: 'string',
    required: true,
    helpText:
      'A name no other contact group in your Mobivate account has. Mobivate refuses a name that is taken.',
  },
]);

/** Said when Mobivate created the group but its answer named no id (docs/operations.md). */
export const NO_GROUP_ID =
  'Mobivate created the group but did not say its id. Find the group by its name in the Mobivate hub (Contacts, Groups) to copy its id.';

export const perform = (async (z, bundle) => {
  const name = optionalText(bundle.inputData.name)?.trim();
  const groups = vortexOnly(z, bundle, 'groups', 'Create Group');
  if (!name) throw recordProblem(z)('Group Name is empty. Map or type a name for the group.');
  const created = await groups.create(z, bundle, name);
  // The group exists either way: an id Mobivate did not give is said, not invented or an error.
  return { id: created.id ?? '', name: created.name, note: created.id ? '' : NO_GROUP_ID };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_group',
  noun: 'Group',
  display: {
    label: 'Create Group',
    description:
      'Creates a contact group, to send to with Send Batch SMS or Send Template Campaign (Vortex connections).',
  },
  operation: {
    inputFields,
    perform,
    sample: groupSample,
    outputFields: [
      { key: 'id', label: 'Group ID', type: 'string' },
      { key: 'name', label: 'Group Name', type: 'string' },
      { key: 'note', label: 'Note (When the ID Is Unknown)', type: 'string' },
    ],
  },
});
