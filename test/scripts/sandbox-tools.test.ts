/**
 * `npm run sandbox` as its users meet it: what it prints and the exit code, over real loopback
 * HTTP (127.0.0.1 only).
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import nock from 'nock';
import { runSandbox, SANDBOX_USAGE } from '../../scripts/sandbox';
import { sandboxPort } from '../../scripts/sandbox-port';
import { demoMessages, demoOptOuts } from '../../sandbox/demo';
import { SANDBOX_API_KEY, startSandbox } from '../../sandbox/server';

beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => nock.disableNetConnect());

/** Collects what a script prints, stdout and stderr apart. */
const capture = () => {
  const printed = { log: [] as string[], error: [] as string[] };
  return {
    printed,
    out: {
      log: (line: string) => printed.log.push(line),
      error: (line: string) => printed.error.push(line),
    },
  };
};

const listening = (server: Server | ReturnType<typeof createNetServer>) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
const closing = (server: Server | ReturnType<typeof createNetServer>) =>
  new Promise<void>((resolve) => server.close(() => resolve()));

/** A loopback port that nothing listens on (the OS picked it free a moment ago). */
const freePort = async () => {
  const server = createNetServer();
  const port = await listening(server);
  await closing(server);
  return port;
};

const toClose: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of toClose.splice(0)) await close();
});

describe('SANDBOX_PORT', () => {
  // 4010 is written out, not imported: the README promises it, so changing it must fail a test.
  it('defaults to 4010 and takes a port number', () => {
    expect(sandboxPort({})).toEqual({ port: 4010 });
    expect(sandboxPort({ SANDBOX_PORT: '' })).toEqual({ port: 4010 });
    expect(sandboxPort({ SANDBOX_PORT: '4711' })).toEqual({ port: 4711 });
  });

  it.each(['abc', '0', '65536', '4010.5', '-1'])('refuses %j', (value) => {
    expect(sandboxPort({ SANDBOX_PORT: value })).toEqual({
      problem: `SANDBOX_PORT must be a port number from 1 to 65535, not "${value}".`,
    });
  });
});

describe('npm run sandbox', () => {
  it('documents SANDBOX_PORT in its usage', async () => {
    const { printed, out } = capture();
    expect(await runSandbox(['--help'], {}, out)).toEqual({ exitCode: 0 });
    expect(printed).toEqual({ log: [SANDBOX_USAGE], error: [] });
    expect(SANDBOX_USAGE).toContain(
      '  SANDBOX_PORT  the loopback port to listen on (default 4010).',
    );
  });

  it('starts on SANDBOX_PORT and prints the .env lines', async () => {
    const port = await freePort();
    const { printed, out } = capture();
    const result = await runSandbox([], { SANDBOX_PORT: String(port) }, out);
    if (!('sandbox' in result)) throw new Error(`did not start: ${printed.error.join('\n')}`);
    toClose.push(() => result.sandbox.close());
    expect(printed).toEqual({
      log: [
        `Mobivate sandbox listening on http://127.0.0.1:${port} (SANDBOX_PORT sets the port). For zapier-platform invoke, put in .env:`,
        `authData_api_key=${SANDBOX_API_KEY}`,
        `authData_api_url=http://127.0.0.1:${port}`,
      ],
      error: [],
    });
    // The demo data: opted-out numbers, and a message log with replies and delivery statuses.
    const { optOuts, messages } = result.sandbox;
    expect([...optOuts.keys()]).toEqual(demoOptOuts().map((record) => record.mobile));
    expect(messages.map((message) => message.id)).toEqual(demoMessages().map((seed) => seed.id));
    expect(new Set(messages.map((message) => message.direction))).toEqual(new Set(['MO', 'MT']));
    expect(messages.filter((message) => message.direction === 'MT').map((m) => m.status)).toEqual(
      expect.arrayContaining(['DELIVERED', 'UNDELIVERABLE', 'ACCEPTED']),
    );
  });

  it('a second one says in one line that a sandbox already runs on the port, and exits 1', async () => {
    const port = await freePort();
    const first = await runSandbox([], { SANDBOX_PORT: String(port) }, capture().out);
    if (!('sandbox' in first)) throw new Error('the first sandbox did not start');
    toClose.push(() => first.sandbox.close());

    const { printed, out } = capture();
    expect(await runSandbox([], { SANDBOX_PORT: String(port) }, out)).toEqual({ exitCode: 1 });
    expect(printed).toEqual({
      log: [],
      error: [
        `Port ${port} is in use by a sandbox that is already running (npm run sandbox): use that one, or set SANDBOX_PORT to use another port, e.g. SANDBOX_PORT=${port + 1} npm run sandbox.`,
      ],
    });
  });

  it('says so when another program holds the port, and exits 1', async () => {
    // Another web server: it answers, but not like the sandbox.
    const other = createHttpServer((_req, res) => res.writeHead(404).end('Not Found'));
    const port = await listening(other);
    toClose.push(() => {
      other.closeAllConnections();
      return closing(other);
    });

    const { printed, out } = capture();
    expect(await runSandbox([], { SANDBOX_PORT: String(port) }, out)).toEqual({ exitCode: 1 });
    expect(printed).toEqual({
      log: [],
      error: [
        `Port ${port} is in use by a program that does not answer like the sandbox; set SANDBOX_PORT to use another port, e.g. SANDBOX_PORT=${port + 1} npm run sandbox.`,
      ],
    });
  });

  it('refuses a SANDBOX_PORT that is not a port, with exit code 2', async () => {
    const { printed, out } = capture();
    expect(await runSandbox([], { SANDBOX_PORT: 'abc' }, out)).toEqual({ exitCode: 2 });
    expect(printed).toEqual({
      log: [],
      error: ['SANDBOX_PORT must be a port number from 1 to 65535, not "abc".'],
    });
  });

  it('startSandbox rejects with EADDRINUSE rather than throwing out of the event loop', async () => {
    const sandbox = await startSandbox();
    toClose.push(() => sandbox.close());
    const port = Number(new URL(sandbox.url).port);
    await expect(startSandbox({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
