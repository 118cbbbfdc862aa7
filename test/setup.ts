import nock from 'nock';

// No test reaches the network; the end-to-end tests open loopback explicitly.
nock.disableNetConnect();

const unmatched: string[] = [];
nock.emitter.on('no match', (request: { method?: string; path?: string; options?: { href?: string } }) => {
  unmatched.push(`${request.method ?? ''} ${request.options?.href ?? request.path ?? ''}`);
});

afterEach(() => {
  const pending = nock.pendingMocks();
  const strays = unmatched.splice(0);
  nock.cleanAll();
  // Every expected call was made, and no other.
  expect({ pending, strays }).toEqual({ pending: [], strays: [] });
});
