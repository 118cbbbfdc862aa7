/** Said when Mobivate created the group but its answer named no id (docs/operations.md). */
export const NO_GROUP_ID =
  'Mobivate created the group but did not say its id. Find the group by its name in the Mobivate hub (Contacts, Groups) to copy its id.';

export const groupOutputFields = [
  { key: 'id', label: 'Group ID', type: 'string' },
  { key: 'name', label: 'Group Name', type: 'string' },
  { key: 'note', label: 'Note (When the ID Is Unknown)', type: 'string' },
  { key: 'already_existed', label: 'Already Existed', type: 'boolean' },
] as const;

export { default as groupSample } from './group.json';
