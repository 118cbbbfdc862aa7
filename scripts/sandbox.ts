/**
 * `npm run sandbox`: keeps the local Mobivate sandbox running, with demo data, so that
 * `zapier-platform invoke` (or anything else) can be pointed at it. Stop it with Ctrl-C.
 */
import { demoMessages, demoOptOuts } from '../sandbox/demo';
import { AUTH_TEST_ANSWER, SANDBOX_API_KEY, startSandbox, type Sandbox } from '../sandbox/server';
import { DEFAULT_SANDBOX_PORT, sandboxPort } from './sandbox-port';

export const SANDBOX_USAGE = [
  'Usage: npm run sandbox',
  `Keeps a local Mobivate sandbox with demo data running on http://127.0.0.1:${DEFAULT_SANDBOX_PORT} until Ctrl-C.`,
  'Environment:',
  `  SANDBOX_PORT  the loopback port to listen on (default ${DEFAULT_SANDBOX_PORT}).`,
].join('\n');

export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** Whether a sandbox started by `npm run sandbox` answers on the port: it accepts the demo key. */
const answersLikeTheSandbox = async (port: number) => {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/auth/test`, {
      headers: { Authorization: `Bearer ${SANDBOX_API_KEY}` },
      signal: AbortSignal.timeout(2000),
    });
    const body = (await response.json()) as { message?: unknown };
    return response.status === 200 && body.message === AUTH_TEST_ANSWER.message;
  } catch {
    return false;
  }
};

/** Why the sandbox could not listen, in one line. */
const listenProblem = async (port: number, listenError: unknown) => {
  const code = (listenError as NodeJS.ErrnoException | undefined)?.code;
  const other = port < 65535 ? port + 1 : port - 1;
  const instead = `set SANDBOX_PORT to use another port, e.g. SANDBOX_PORT=${other} npm run sandbox.`;
  if (code === 'EADDRINUSE') {
    return (await answersLikeTheSandbox(port))
      ? `Port ${port} is in use by a sandbox that is already running (npm run sandbox): use that one, or ${instead}`
      : `Port ${port} is in use by a program that does not answer like the sandbox; ${instead}`;
  }
  if (code === 'EACCES') {
    return `Not allowed to listen on port ${port} (EACCES); ${instead}`;
  }
  const message = listenError instanceof Error ? listenError.message : String(listenError);
  return `The sandbox could not listen on 127.0.0.1:${port}: ${message}`;
};

/**
 * Starts the sandbox as `npm run sandbox` does and prints the `.env` lines for it; when it cannot,
 * prints why in one line and returns the exit code instead.
 */
export const runSandbox = async (
  args: string[],
  env: Record<string, string | undefined>,
  out: Output = console,
): Promise<{ sandbox: Sandbox } | { exitCode: number }> => {
  if (args.includes('--help') || args.includes('-h')) {
    out.log(SANDBOX_USAGE);
    return { exitCode: 0 };
  }
  if (args.length > 0) {
    out.error(`Unknown argument: ${args[0]}\n${SANDBOX_USAGE}`);
    return { exitCode: 2 };
  }
  const parsed = sandboxPort(env);
  if ('problem' in parsed) {
    out.error(parsed.problem);
    return { exitCode: 2 };
  }
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({
      port: parsed.port,
      optOuts: demoOptOuts(),
      messages: demoMessages(),
    });
  } catch (listenError) {
    out.error(await listenProblem(parsed.port, listenError));
    return { exitCode: 1 };
  }
  out.log(
    `Mobivate sandbox listening on ${sandbox.url} (SANDBOX_PORT sets the port). For zapier-platform invoke, put in .env:`,
  );
  out.log(`authData_api_key=${sandbox.apiKey}`);
  out.log(`authData_api_url=${sandbox.url}`);
  return { sandbox };
};

if (require.main === module) {
  void runSandbox(process.argv.slice(2), process.env).then((result) => {
    if ('exitCode' in result) {
      process.exitCode = result.exitCode;
      return;
    }
    const stop = () => void result.sandbox.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
