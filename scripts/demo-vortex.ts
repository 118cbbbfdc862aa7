/**
 * The Vortex part of `npm start` (scripts/start.ts): its delivery statuses, New Incoming SMS's
 * refusal, and a contact's life with the groups and campaigns that reach it.
 */
import { printOutput, type startDemo } from '../sandbox/demo';
import { createGroupTwice } from './demo-first-hour';

type Demo = Awaited<ReturnType<typeof startDemo>>;
type Item = Record<string, unknown>;

/** The output fields of an operation, to print its output as the Zap editor labels it. */
export const fieldsOf =
  ({ app }: Demo) =>
  (type: 'creates' | 'searches' | 'triggers', key: string) =>
    app[type]![key]!.operation.outputFields;

/** The same Zaps on a Vortex connection: the same keys and outputs, Vortex's requests. */
export const vortexTriggers = async (demo: Demo) => {
  const statuses = await demo.run<Item[]>('triggers.new_delivery_receipt.operation.perform');
  console.log(`
New Delivery Status poll on Vortex: ${statuses.length} statuses, newest first:`);
  for (const item of statuses)
    console.log(`  ${String(item.status)}: ${String(item.status_description)}`);
  try {
    await demo.run('triggers.new_incoming_sms.operation.perform');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(`
New Incoming SMS on Vortex fails its first poll, saying why:
  ${message}`);
  }
};

/** Vortex only: a contact's life and the campaigns that reach it (issue 14's Zaps). */
export const contactsAndCampaigns = async (demo: Demo) => {
  const { run, sandbox } = demo;
  const fields = fieldsOf(demo);
  const contact = { mobile: '+61 412 345 678', alias: 'jane-doe', fields: { NAME: 'Jane' } };
  const added = await run('creates.add_contact.operation.perform', { inputData: contact });
  printOutput('Add or Update Contact "jane-doe":', added, fields('creates', 'add_contact'));
  const found = await run<Item[]>('searches.find_contact.operation.perform', {
    inputData: { alias: 'jane-doe' },
  });
  console.log(`\nFind Contact "jane-doe": ${found.length} found.`);
  const updated = await run('creates.add_contact.operation.perform', {
    inputData: { ...contact, fields: { CITY: 'Sydney' } },
  });
  printOutput(
    'Add or Update Contact again (a new field):',
    updated,
    fields('creates', 'add_contact'),
  );
  const toContact = await run('creates.send_sms_to_contacts.operation.perform', {
    inputData: {
      from: 'Acme',
      aliases: ['jane-doe'],
      message: 'Hi {{NAME}}, see you in {{CITY}}!',
    },
  });
  printOutput(
    'Send SMS to Contacts (placeholders sent as typed):',
    toContact,
    fields('creates', 'send_sms_to_contacts'),
  );
  const group = await createGroupTwice(demo);
  sandbox.groups.get(String(group.id))?.members.push('61412345678');
  const campaign = await run('creates.send_template_campaign.operation.perform', {
    inputData: { template_id: 'aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee', groups: [group.id] },
  });
  printOutput(
    'Send Template Campaign to the group:',
    campaign,
    fields('creates', 'send_template_campaign'),
  );
  const deleted = await run('creates.delete_contact.operation.perform', {
    inputData: { mobile: contact.mobile },
  });
  printOutput('Delete Contact:', deleted, fields('creates', 'delete_contact'));
};
