import nock from 'nock';
import { forgetDetected } from '../src/mobivate/detect';

// No test reaches the network; the end-to-end tests open loopback explicitly.
nock.disableNetConnect();

/** nock reports an unmatched call with its request options, or a request and then its options. */
interface RequestOptions {
  method?: string;
  hostname?: string;
  host?: string;
  path?: string;
}

const unmatched: string[] = [];
nock.emitter.on('no match', (first: RequestOptions, second?: RequestOptions) => {
  const request = second ?? first;
  const host = (request.hostname ?? request.host ?? '').replace(/:\d+$/, '');
  // Loopback traffic is the end-to-end tests' real HTTP to the sandbox, not a stray call.
  if (host === '127.0.0.1') return;
  unmatched.push(`${request.method ?? ''} ${host}${request.path ?? ''}`);
});

afterEach(() => {
  // Which API a key belongs to is remembered per process (detect.ts): each test asks anew.
  forgetDetected();
  const pending = nock.pendingMocks();
  const strays = unmatched.splice(0);
  nock.cleanAll();
  // Every expected call was made, and no other.
  expect({ pending, strays }).toEqual({ pending: [], strays: [] });
});

// Jest gives each test file its own nock but shares Node's http module within a worker: unhook
// this file's nock so that it cannot intercept (or block) the next file's requests.
afterAll(() => nock.restore());
