import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { optionalText, recordProblem } from '../inputs/read';
import { mobivate } from '../mobivate';
import { NO_GROUP_ID, groupOutputFields, groupSample } from '../outputs/group';

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

export const perform = (async (z, bundle) => {
  const name = optionalText(bundle.inputData.name)?.trim();
  const api = mobivate(z, bundle);
  api.require('addressBook', 'Create Group');
  if (!name) throw recordProblem(z)('Group Name is empty. Map or type a name for the group.');
  const created = await api.groups.create(name);
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
    outputFields: [...groupOutputFields],
  },
});
