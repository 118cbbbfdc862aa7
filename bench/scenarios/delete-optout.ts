/** Delete Opt-Out, the operation the invocation and cold-start comparisons time. */
import { startSandbox, type Sandbox } from '../../sandbox/server';

export const MOBILE = '447700900123';
/** Ours gets the number as a marketer maps it: normalising it is part of the work. */
export const MAPPED_MOBILE = '+44 7700 900123';
export const DELETE = 'creates.delete_optout.operation.perform';

/**
 * Runs `measure` against a sandbox where MOBILE is opted out and stays so after each delete, so
 * that every run does the same work; closes the sandbox after.
 */
export const withDeleteSandbox = async <T>(measure: (sandbox: Sandbox) => Promise<T>) => {
  const sandbox = await startSandbox({
    optOuts: [{ mobile: MOBILE, note: 'MO', created: Date.now() }],
    keepOnDelete: true,
  });
  try {
    return await measure(sandbox);
  } finally {
    await sandbox.close();
  }
};
