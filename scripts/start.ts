/**
 * `npm start`: the main job, offline. Starts the local Mobivate sandbox, runs the connection test
 * and Delete Opt-Out through zapier-platform-core's runtime, prints what a Zap would see, stops.
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

    const fields = app.creates.delete_optout!.operation.outputFields;
    const inputData = { mobile: '+44 7700 900123', when_not_opted_out: 'continue' };
    for (const attempt of ['first time', 'again: it is no longer opted out']) {
      const output = await run('creates.delete_optout.operation.perform', { inputData });
      printOutput(`Delete Opt-Out of "${inputData.mobile}", ${attempt}:`, output, fields);
    }
  } finally {
    await sandbox.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
