/**
 * `npm run sandbox`: keeps the local Mobivate sandbox running, with demo data, so that
 * `zapier-platform invoke` (or anything else) can be pointed at it. Stop it with Ctrl-C.
 */
import { demoOptOuts } from '../sandbox/demo';
import { startSandbox } from '../sandbox/server';

const main = async () => {
  const port = Number(process.env.SANDBOX_PORT ?? 4010);
  const sandbox = await startSandbox({ port, optOuts: demoOptOuts() });
  console.log(
    `Mobivate sandbox listening on ${sandbox.url}. For zapier-platform invoke, put in .env:`,
  );
  console.log(`authData_api_key=${sandbox.apiKey}`);
  console.log(`authData_api_url=${sandbox.url}`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

void main();
