/**
 * `npm run sandbox:push -- incoming|receipt|click [--url <address>]`: makes the sandbox started by
 * `npm run sandbox` post the documented example payload of that webhook to the URL registered for
 * it, as Mobivate would. With --url it first registers that address, with the request a hook
 * trigger's subscribe sends (POST /webhooks/<type>): locally, nothing else can register one, since
 * `zapier-platform invoke` does not run hook subscriptions and a Zap on zapier.com cannot reach
 * this machine's loopback.
 */
import { SANDBOX_API_KEY } from '../sandbox/server';
import type { Output } from './sandbox';
import { DEFAULT_SANDBOX_PORT, sandboxPort } from './sandbox-port';

const TYPES = ['incoming', 'receipt', 'click'] as const;
type EventType = (typeof TYPES)[number];

export const PUSH_USAGE = [
  'Usage: npm run sandbox:push -- incoming|receipt|click [--url <address>]',
  'Makes the sandbox started by npm run sandbox post the documented example payload of that webhook',
  'to the URL registered for it, as Mobivate would.',
  "  --url <address>  first register <address> for that webhook, as the trigger's subscribe does",
  '                   (POST /webhooks/<type>): https://…, or http://127.0.0.1:<port>/… for a',
  '                   receiver on this machine. The sandbox keeps it until it stops.',
  'Environment:',
  `  SANDBOX_PORT     the port npm run sandbox listens on (default ${DEFAULT_SANDBOX_PORT}).`,
].join('\n');

/** The event type and the optional --url (`--url <address>` or `--url=<address>`). */
const parseArgs = (args: string[]): { type: EventType; url?: string } | undefined => {
  const rest = [...args];
  let url: string | undefined;
  const at = rest.findIndex((arg) => arg === '--url' || arg.startsWith('--url='));
  if (at >= 0) {
    const [flag] = rest.splice(at, 1);
    url = flag === '--url' ? rest.splice(at, 1)[0] : flag!.slice('--url='.length);
    if (!url) return undefined;
  }
  const [type, ...extra] = rest;
  if (extra.length > 0 || !TYPES.includes(type as EventType)) return undefined;
  return { type: type as EventType, url };
};

/** Runs `npm run sandbox:push` with these arguments and returns the exit code. */
export const runPush = async (
  args: string[],
  env: Record<string, string | undefined>,
  out: Output = console,
): Promise<number> => {
  if (args.includes('--help') || args.includes('-h')) {
    out.log(PUSH_USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (!parsed) {
    out.error(PUSH_USAGE);
    return 2;
  }
  const port = sandboxPort(env);
  if ('problem' in port) {
    out.error(port.problem);
    return 2;
  }
  const { type, url } = parsed;
  const base = `http://127.0.0.1:${port.port}`;

  /** One request to the sandbox: its status and JSON answer, or undefined once a problem is printed. */
  const ask = async (path: string, init: RequestInit) => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { method: 'POST', ...init });
    } catch (fetchError) {
      const cause = (fetchError as { cause?: { code?: string; message?: string } }).cause;
      out.error(
        `No sandbox answers on ${base} (${cause?.code ?? cause?.message ?? String(fetchError)}). ` +
          'Start one with npm run sandbox, or set SANDBOX_PORT to the port it listens on.',
      );
      return undefined;
    }
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
    } catch {
      out.error(
        `${base} answered ${response.status} with something other than the sandbox's JSON: ` +
          'is SANDBOX_PORT the port npm run sandbox listens on?',
      );
      return undefined;
    }
  };

  if (url !== undefined) {
    const registered = await ask(`/webhooks/${type}`, {
      headers: { Authorization: `Bearer ${SANDBOX_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url }),
    });
    if (!registered) return 1;
    if (registered.status !== 200) {
      out.error(
        `The sandbox did not register ${url} (${registered.status}: ${String(registered.body.message)}).`,
      );
      return 1;
    }
    out.log(`Registered ${url} for ${type} webhooks.`);
  }

  const pushed = await ask(`/_sandbox/push/${type}`, {});
  if (!pushed) return 1;
  if (pushed.status !== 200) {
    out.error(`The sandbox answered ${pushed.status}: ${String(pushed.body.message)}.`);
    if (pushed.status === 409) {
      out.error(
        `Register one and push in one go: npm run sandbox:push -- ${type} --url <address> ` +
          '(https://…, or http://127.0.0.1:<port>/… for a receiver on this machine).',
      );
    }
    return 1;
  }
  out.log(JSON.stringify(pushed.body));
  const receiverStatus = Number(pushed.body.receiverStatus);
  if (receiverStatus >= 200 && receiverStatus < 300) return 0;
  out.error(`The receiver at ${String(pushed.body.url)} answered ${receiverStatus}.`);
  return 1;
};

if (require.main === module) {
  void runPush(process.argv.slice(2), process.env).then((code) => {
    process.exitCode = code;
  });
}
