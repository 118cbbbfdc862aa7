/** What the Vortex end-to-end tests share: loopback allowed for the sandbox. */
import nock from 'nock';

export const allowLoopback = () => {
  beforeAll(() => nock.enableNetConnect('127.0.0.1'));
  afterAll(() => nock.disableNetConnect());
};
