import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { permissionSentence } from '../common/permissions';
import { formatCount, quoteInput } from '../common/text';
import { ALIAS_HELP, readAlias } from '../inputs/contact';
import { connectionsOnly, stepNeeds } from '../inputs/connection-fields';
import { defaultCountryField, mobileInput } from '../inputs/mobile';
import { recordProblem } from '../inputs/read';
import { SCAN_LIMITS, mobivate, type Contact } from '../mobivate';
import { contactOutput, contactOutputFields, contactSample } from '../outputs/contact';

const mobileNumber = mobileInput('mobile', 'Mobile Number');

const inputFields = defineInputFields([
  // On a connection of the other API, one line that says so instead (connection-fields.ts).
  stepNeeds('addressBook', [
    {
      ...mobileNumber.field,
      required: false,
      helpText:
        'The number to look for, with its country code, like `+44 7700 900123` or `+1 415 555 0132`. Leave empty to find by alias only. National numbers such as `07700 900123` need a **Default Country** (below).',
    },
    defaultCountryField,
    {
      key: 'alias',
      label: 'Alias',
      type: 'string',
      required: false,
      helpText: `${ALIAS_HELP} Leave empty to find by number only; with both, the contact must have both.`,
    },
  ]),
]);

export const perform = (async (z, bundle) => {
  const { contacts } = mobivate(z, bundle);
  const rawMobile = bundle.inputData.mobile;
  const noMobile =
    rawMobile === undefined ||
    rawMobile === null ||
    (typeof rawMobile === 'string' && !rawMobile.trim());
  const mobile = noMobile ? undefined : mobileNumber.read(z, bundle.inputData);
  const alias = readAlias(z, bundle.inputData.alias, false);
  if (mobile === undefined && alias === undefined) {
    throw recordProblem(z)(
      'Mobile Number and Alias are both empty. Map or type the number, the alias, or both.',
    );
  }
  const wanted = [mobile, alias === undefined ? undefined : `alias ${quoteInput(alias)}`]
    .filter(Boolean)
    .join(' and ');
  const isIt = (contact: Contact) =>
    (mobile === undefined || contact.mobile === mobile) &&
    (alias === undefined || contact.alias === alias);
  const scan = await contacts.scan({ until: isIt });
  // The keys of Add or Update Contact, so that Find or Add Contact maps the same fields.
  if (scan.match) return [contactOutput(scan.match, 'found')];
  if (!scan.complete) {
    throw appError(
      z,
      'ContactSearchIncomplete',
      `Could not finish searching the address book for ${wanted}: it read ${formatCount(scan.items.length)} contacts in ${scan.requests} requests without finding it, then stopped to stay within Zapier's limits (at most ${formatCount(SCAN_LIMITS.maxRequests * 1000)} contacts). Whether the contact exists is unknown.`,
    );
  }
  // A skipped contact that could be this one (its number or alias unreadable) leaves it unknown.
  const couldBe = scan.skipped.filter(
    (contact) =>
      (mobile === undefined || contact.mobile == null || contact.mobile === mobile) &&
      (alias === undefined || contact.alias == null || contact.alias === alias),
  );
  if (couldBe.length > 0) {
    throw appError(
      z,
      'ContactSearchIncomplete',
      `Could not tell whether a contact with ${wanted} exists: ${formatCount(couldBe.length)} of the contacts Mobivate listed could not be read in full (the log says why), and it was not among the others. Send this message to Mobivate support.`,
    );
  }
  return [];
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: `Finds a contact in the address book by mobile number, alias, or both. ${connectionsOnly('addressBook')} ${permissionSentence('find_contact')}`,
  },
  operation: {
    inputFields,
    perform,
    sample: { ...contactSample, action: 'found' },
    outputFields: [...contactOutputFields],
  },
});
