/**
 * `npm start`: the main job, offline. Starts the local Mobivate sandbox and runs, through
 * zapier-platform-core's runtime, the connection test (and one made with the key alone) and the
 * opt-out lifecycle a resubscribe Zap relies on: add → find → new-opt-out poll → delete → delete
 * again → find again; then a send, a send to an opted-out number (Sent = false), a batch send and
 * a message lookup; a text held for quiet hours, a batch split by time zone and a replayed send
 * that sends nothing; then the New Incoming SMS and New Delivery Status polls and the From
 * dropdown's sender IDs. Then the same Zaps on a sandbox that speaks the Vortex API, with its
 * contacts, groups (Create Group run twice) and campaigns. Prints what a Zap would see.
 */
import { printOutput, startDemo } from '../sandbox/demo';
import { keyOnlyConnection } from './demo-first-hour';
import { batchByTimeZone, heldText, replayedSend } from './demo-safety';
import { contactsAndCampaigns, fieldsOf, vortexTriggers } from './demo-vortex';

type Demo = Awaited<ReturnType<typeof startDemo>>;
type Item = Record<string, unknown>;

const MOBILE = '+44 7700 900999';

const optOutLifecycle = async (demo: Demo) => {
  const { run } = demo;
  const fields = fieldsOf(demo);
  const mobile = MOBILE;

  const added = await run('creates.add_optout.operation.perform', { inputData: { mobile } });
  printOutput(`Add Opt-Out of "${mobile}":`, added, fields('creates', 'add_optout'));

  const found = await run<Item[]>('searches.find_optout.operation.perform', {
    inputData: { mobile },
  });
  printOutput(
    `Find Opt-Out of "${mobile}" (${found.length} found):`,
    found[0] ?? {},
    fields('searches', 'find_optout'),
  );

  const polled = await run<Item[]>('triggers.new_optout.operation.perform');
  console.log(`\nNew Opt-Out poll: ${polled.length} opt-outs in the window, newest first:`);
  for (const item of polled)
    console.log(`  ${item.id}  ${item.mobile}  ${item.created}  ${item.source}`);

  for (const attempt of ['', ' again: it is no longer opted out']) {
    const output = await run('creates.delete_optout.operation.perform', { inputData: { mobile } });
    printOutput(
      `Delete Opt-Out of "${mobile}"${attempt}:`,
      output,
      fields('creates', 'delete_optout'),
    );
  }

  const after = await run<unknown[]>('searches.find_optout.operation.perform', {
    inputData: { mobile },
  });
  console.log(`\nFind Opt-Out of "${mobile}" after the delete: ${after.length} found.`);
};

/** Sends a message and returns its id; shows the refused and batch sends and the lookup. */
const sending = async (demo: Demo): Promise<string> => {
  const { run } = demo;
  const fields = fieldsOf(demo);
  const sms = {
    from: 'Acme',
    to: MOBILE,
    message: 'Welcome back! Your 10% code is BACK10.',
    reference: 'resub-1',
  };
  const sent = await run('creates.send_sms.operation.perform', { inputData: sms });
  printOutput(`Send SMS to "${MOBILE}":`, sent, fields('creates', 'send_sms'));

  // If the Text Is Not Sent: by default the Zap goes on, with Sent = false and why (issue 22).
  const notSent = (await run('creates.send_sms.operation.perform', {
    inputData: { ...sms, to: '+44 7700 900456' },
  })) as { sent?: unknown; not_sent_reason?: unknown };
  console.log(
    notSent.sent === false
      ? `\nSend SMS to an opted-out number goes on without failing the Zap (Sent = false):\n  ${String(notSent.not_sent_reason)}`
      : '\nSend SMS to an opted-out number: Mobivate accepted the request (Sent = true); Vortex skips opted-out numbers itself (excludeOptouts), and its message history shows the text as OPTED_OUT.',
  );

  const batch = await run('creates.send_batch_sms.operation.perform', {
    inputData: {
      from: 'Acme',
      recipients: ['+44 7700 900999', '+44 7700 900456', '+61 412 345 678', '07700 900789'],
      message: 'Spring sale: 20% off today.',
      name: 'Spring sale',
    },
  });
  printOutput(
    'Send Batch SMS to four numbers (one opted out, one without a country code):',
    batch,
    fields('creates', 'send_batch_sms'),
  );

  const message = await run<Item[]>('searches.find_message.operation.perform', {
    inputData: { reference: 'resub-1' },
  });
  printOutput(
    'Find Message with reference "resub-1":',
    message[0] ?? {},
    fields('searches', 'find_message'),
  );
  return String(sent.id);
};

/** The message log triggers as Zapier polls them, and a status change between two polls. */
const triggers = async (demo: Demo, sentId: string) => {
  const { run, sandbox } = demo;
  const fields = fieldsOf(demo);

  const incoming = await run<Item[]>('triggers.new_incoming_sms.operation.perform');
  console.log(
    `\nNew Incoming SMS poll: ${incoming.length} messages received in the last 3 days, newest first:`,
  );
  for (const item of incoming) {
    const stop = item.is_opt_out_keyword ? '  (an opt-out keyword)' : '';
    console.log(`  ${item.created}  ${item.originator}  ${JSON.stringify(item.body)}${stop}`);
  }
  printOutput(
    'New Incoming SMS, the newest:',
    incoming[0] ?? {},
    fields('triggers', 'new_incoming_sms'),
  );

  const statuses = await run<Item[]>('triggers.new_delivery_receipt.operation.perform');
  console.log(
    `\nNew Delivery Status poll: the latest status of ${statuses.length} messages sent in the last 3 days:`,
  );
  for (const item of statuses)
    console.log(`  ${item.created}  ${String(item.status).padEnd(13)}  ${item.id}`);

  // The phone confirms the welcome-back text: its status changes, so the next poll has a new item.
  sandbox.setStatus(sentId, 'DELIVERED');
  const seen = new Set(statuses.map((item) => item.id));
  const fresh = (await run<Item[]>('triggers.new_delivery_receipt.operation.perform')).filter(
    (item) => !seen.has(item.id),
  );
  console.log(
    `\nThe welcome-back text was delivered; the next poll has ${fresh.length} new item (Zapier remembers the others' ids):`,
  );
  printOutput('New Delivery Status:', fresh[0] ?? {}, fields('triggers', 'new_delivery_receipt'));

  const senders = await run<Item[]>('triggers.recent_sender_id.operation.perform');
  console.log(
    `\nThe From dropdown offers the sender IDs used recently: ${senders.map((item) => item.name).join(', ')}`,
  );
};

const connection = async ({ run, sandbox }: Demo) => {
  console.log(`Mobivate sandbox on ${sandbox.url}, ${sandbox.optOuts.size} numbers opted out.`);
  const test = await run('authentication.test');
  const label = await run<string>('authentication.connectionLabel', { inputData: test });
  console.log(`Connection test: ${JSON.stringify(test)}`);
  console.log(`Connection label: ${label}`);
};

const runDemo = async (generation: 'bulksms' | 'vortex') => {
  const demo = await startDemo(generation);
  try {
    await connection(demo);
    await keyOnlyConnection(demo, generation);
    await optOutLifecycle(demo);
    const sentId = await sending(demo);
    if (generation === 'bulksms') {
      await heldText(demo);
      await batchByTimeZone(demo);
      await replayedSend(demo);
      await triggers(demo, sentId);
    } else {
      await vortexTriggers(demo);
      await contactsAndCampaigns(demo);
    }
  } finally {
    await demo.sandbox.close();
  }
};

const main = async () => {
  console.log("=== Mobivate's BulkSMS API ===");
  await runDemo('bulksms');
  console.log("\n=== The same Zaps on Mobivate's Vortex API (answers in the shapes seen live) ===");
  await runDemo('vortex');
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
