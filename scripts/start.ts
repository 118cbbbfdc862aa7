/**
 * `npm start`: the main job, offline. Starts the local Mobivate sandbox and runs, through
 * zapier-platform-core's runtime, the connection test and the opt-out lifecycle a resubscribe Zap
 * relies on: add → find → new-opt-out poll → delete → delete again → find again; then a send, a
 * send to an opted-out number, a batch send and a message lookup. Prints what a Zap would see,
 * then stops the sandbox.
 */
import { printOutput, startDemo } from '../sandbox/demo';

const main = async () => {
  const { app, run, sandbox } = await startDemo();
  try {
    console.log(`Mobivate sandbox on ${sandbox.url}, ${sandbox.optOuts.size} numbers opted out.`);

    const test = await run('authentication.test');
    const label = await run<string>('authentication.connectionLabel', { inputData: test });
    console.log(`Connection test: ${JSON.stringify(test)}`);
    console.log(`Connection label: ${label}`);

    const fields = (type: 'creates' | 'searches' | 'triggers', key: string) =>
      app[type]![key]!.operation.outputFields;
    const mobile = '+44 7700 900999';

    const added = await run('creates.add_optout.operation.perform', { inputData: { mobile } });
    printOutput(`Add Opt-Out of "${mobile}":`, added, fields('creates', 'add_optout'));

    const found = await run<Record<string, unknown>[]>('searches.find_optout.operation.perform', {
      inputData: { mobile },
    });
    printOutput(
      `Find Opt-Out of "${mobile}" (${found.length} found):`,
      found[0] ?? {},
      fields('searches', 'find_optout'),
    );

    const polled = await run<Record<string, unknown>[]>('triggers.new_optout.operation.perform');
    console.log(`\nNew Opt-Out poll: ${polled.length} opt-outs in the window, newest first:`);
    for (const item of polled)
      console.log(`  ${item.id}  ${item.mobile}  ${item.created_at}  ${item.source}`);

    for (const attempt of ['', ' again: it is no longer opted out']) {
      const output = await run('creates.delete_optout.operation.perform', {
        inputData: { mobile },
      });
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

    const sms = {
      from: 'Acme',
      to: mobile,
      message: 'Welcome back! Your 10% code is BACK10.',
      reference: 'resub-1',
    };
    const sent = await run('creates.send_sms.operation.perform', { inputData: sms });
    printOutput(`Send SMS to "${mobile}":`, sent, fields('creates', 'send_sms'));

    try {
      await run('creates.send_sms.operation.perform', {
        inputData: { ...sms, to: '+44 7700 900456' },
      });
    } catch (error) {
      const halted = error instanceof Error ? error.message.split('\n')[0] : String(error);
      console.log(
        `\nSend SMS to an opted-out number stops the step without failing the Zap:\n  ${halted}`,
      );
    }

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

    const message = await run<Record<string, unknown>[]>(
      'searches.find_message.operation.perform',
      {
        inputData: { reference: 'resub-1' },
      },
    );
    printOutput(
      'Find Message with reference "resub-1":',
      message[0] ?? {},
      fields('searches', 'find_message'),
    );
  } finally {
    await sandbox.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
