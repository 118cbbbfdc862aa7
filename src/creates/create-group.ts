import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type ZObject,
} from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { permissionSentence } from '../common/permissions';
import { formatCount, quoteInput } from '../common/text';
import { optionalText, recordProblem } from '../inputs/read';
import { connectionsOnly, stepNeeds } from '../inputs/connection-fields';
import { mobivate, type ListedGroup, type Mobivate, type ScanResult } from '../mobivate';
import { NO_GROUP_ID, groupOutputFields, groupSample } from '../outputs/group';

const inputFields = defineInputFields([
  // On a connection of the other API, one line that says so instead (connection-fields.ts).
  stepNeeds('addressBook', [
    {
      key: 'name',
      label: 'Group Name',
      type: 'string',
      required: true,
      helpText:
        'The name of the contact group. When a group with this name already exists, the step outputs that group, with Already Existed = true, instead of failing.',
    },
  ]),
]);

/** The message of an error as the user reads it (z.errors.Error keeps it in JSON). */
const messageOf = (error: Error): string => {
  try {
    const parsed = JSON.parse(error.message) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // a plain message
  }
  return error.message;
};

/** Why the group with a taken name is not in what was read of the group list. */
const whyNotFound = (scan: ScanResult<ListedGroup>, name: string): string => {
  const lower = name.toLowerCase();
  if (!scan.complete) {
    return `it was not among the first ${formatCount(scan.items.length)} groups of the group list before this step had to stop to stay within Zapier's limits`;
  }
  if (scan.skipped.some((group) => group.name?.trim().toLowerCase() === lower)) {
    return 'the group list shows it, but its entry could not be read in full (the log says why)';
  }
  if (scan.skipped.length > 0) {
    return `${formatCount(scan.skipped.length)} groups of the group list could not be read (the log says why), and none of the others has this name`;
  }
  return 'no group in the group list has this name';
};

/**
 * The group Mobivate said has this name, from the group list; or an error that says the name is
 * taken but the group could not be read. Never a guessed id: a Zap would send to the wrong group.
 */
const findExisting = async (
  z: ZObject,
  groups: Mobivate['groups'],
  name: string,
  said: string,
): Promise<ListedGroup> => {
  const fail = (why: string) =>
    appError(
      z,
      'GroupNotFound',
      `Mobivate said a group named ${quoteInput(name)} already exists (${said}), but the group could not be read: ${why}. Nothing was created. Find the group by its name in the Mobivate hub (Contacts, Groups) to copy its id.`,
    );
  let scan: ScanResult<ListedGroup>;
  try {
    scan = await groups.find(name);
  } catch (error) {
    // A throttle or an expired key keeps its meaning (Zapier retries, or asks to reconnect).
    if (!(error instanceof Error) || error.name !== 'AppError') throw error;
    throw fail(`reading the group list failed (${messageOf(error)})`);
  }
  if (scan.match) return scan.match;
  throw fail(whyNotFound(scan, name));
};

export const perform = (async (z, bundle) => {
  const name = optionalText(bundle.inputData.name)?.trim();
  const api = mobivate(z, bundle);
  await api.require('addressBook', 'Create Group');
  if (!name) throw recordProblem(z)('Group Name is empty. Map or type a name for the group.');
  const created = await api.groups.create(name);
  if (!created.created) {
    const existing = await findExisting(z, api.groups, name, created.said);
    return { id: existing.id, name: existing.name, note: '', already_existed: true };
  }
  // The group exists either way: an id Mobivate did not give is said, not invented or an error.
  return {
    id: created.id ?? '',
    name: created.name,
    note: created.id ? '' : NO_GROUP_ID,
    already_existed: false,
  };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_group',
  noun: 'Group',
  display: {
    label: 'Create Group',
    description: `Creates a contact group ${connectionsOnly('addressBook')}, to send to with Send Batch SMS or Send Template Campaign; a name that exists gives that group. ${permissionSentence('create_group')}`,
  },
  operation: {
    inputFields,
    perform,
    sample: groupSample,
    outputFields: [...groupOutputFields],
  },
});
