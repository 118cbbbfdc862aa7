import zapier, { defineApp } from 'zapier-platform-core';
import packageJson from './package.json';
import authentication from './src/authentication';
import { afters, befores } from './src/middleware';
import deleteOptOut from './src/creates/delete-optout';

export default defineApp({
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [...befores],
  afterResponse: [...afters],
  flags: {
    // Let our afterResponse see 429s, so the user gets Mobivate's message and a Retry-After that
    // may be an HTTP date (core's early throw understands only seconds).
    throwForThrottlingEarly: false,
  },
  creates: {
    [deleteOptOut.key]: deleteOptOut,
  },
});
