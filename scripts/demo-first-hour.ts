/**
 * A marketer's first hour (issue 22), in `npm start`: a connection made with the key alone on
 * each API (Mobivate's two hosts played by the sandboxes, sandbox/hosts.ts), and Create Group run
 * twice with one name.
 */
import { playMobivateHosts } from '../sandbox/hosts';
import type { startDemo } from '../sandbox/demo';

type Demo = Awaited<ReturnType<typeof startDemo>>;

/** Connects with the key alone: the app asks Mobivate's hosts which one accepts the key. */
export const keyOnlyConnection = async (demo: Demo, generation: 'bulksms' | 'vortex') => {
  const stopPlaying = playMobivateHosts({ [generation]: demo.sandbox.url });
  try {
    const authData = { api_key: demo.sandbox.apiKey };
    const test = await demo.run('authentication.test', { authData });
    console.log(
      `Connection made with the API key alone: the app asked both of Mobivate's hosts, and the ${String(test.api)} at ${String(test.host)} accepted the key.`,
    );
    const found = await demo.run<unknown[]>('searches.find_optout.operation.perform', {
      authData,
      inputData: { mobile: '+44 7700 900456' },
    });
    console.log(`Find Opt-Out on that connection: ${found.length} found.`);
  } finally {
    stopPlaying();
  }
};

/** Create Group in a Zap that runs once per contact: the second run finds the group. */
export const createGroupTwice = async ({ run }: Demo) => {
  const results = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    results.push(
      await run('creates.create_group.operation.perform', { inputData: { name: 'VIP' } }),
    );
  }
  for (const [index, group] of results.entries()) {
    console.log(
      `\nCreate Group "VIP", run ${index + 1}: id ${String(group.id)}, already existed: ${String(group.already_existed)}`,
    );
  }
  return results[0]!;
};
