/**
 * The Mobivate layer's one way in. `mobivate(z, bundle)` gives the connection's API generation
 * bound to one step, with what the connection can do (`supports`), and checks that before any
 * request. Everything Mobivate-specific lives below this folder: requests and the reading of
 * every answer (docs/code-map.md). Section numbers (§2.1, §9 #1, §V7) in this folder's comments
 * refer to docs/mobivate-api.md.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { bulkSms } from './bulksms';
import { capabilityError } from './capabilities';
import type { Generation } from './generation';
import { apiOrigin } from './transport/request';
import { authDataOf } from './transport/auth-data';
import { stepDeadline } from './transport/deadline';
import type { ApiPlatform, AuthData, Capabilities, Capability } from './types';
import { vortex } from './vortex';

const GENERATIONS: Record<ApiPlatform, Generation> = { bulksms: bulkSms, vortex };

/** A generation's part with the step's `z` and `bundle` bound: `optOuts.add(mobile)`. */
type Bound<Part> = {
  [Method in keyof Part]: Part[Method] extends (
    z: ZObject,
    bundle: Bundle,
    ...args: infer Args
  ) => infer Result
    ? (...args: Args) => Result
    : never;
};

type AddressBook = 'contacts' | 'groups' | 'campaigns';

export interface Mobivate {
  supports: Capabilities;
  /** Stops the step, before any request, when the connection cannot do what `step` needs. */
  require: (capability: Capability, step: string) => void;
  /** The checked origin of the connection's API Address (an error when it is unusable). */
  origin: () => string;
  /**
   * Starts the step's deadline now, before slow work that precedes the first request (reading
   * 100,000 recipients takes seconds of the step's 30); otherwise the first request starts it.
   */
  startClock: () => void;
  connection: Bound<Generation['connection']>;
  optOuts: Bound<Generation['optOuts']>;
  messages: Bound<Generation['messages']>;
  messageLog: Bound<Generation['messageLog']>;
  contacts: Bound<NonNullable<Generation['contacts']>>;
  groups: Bound<NonNullable<Generation['groups']>>;
  campaigns: Bound<NonNullable<Generation['campaigns']>>;
}

/** What the connection's API can do, from its auth data alone (for input fields, too). */
export const capabilitiesOf = (authData: Bundle['authData'] | AuthData): Capabilities =>
  GENERATIONS[authDataOf({ authData: authData as Bundle['authData'] }).api_platform].capabilities;

const bind = <Part extends object>(part: Part, z: ZObject, bundle: Bundle): Bound<Part> =>
  Object.fromEntries(
    Object.entries(part).map(([name, method]) => [
      name,
      (...args: unknown[]) => (method as (...all: unknown[]) => unknown)(z, bundle, ...args),
    ]),
  ) as Bound<Part>;

/** The connection's API generation, bound to this step. */
export const mobivate = (z: ZObject, bundle: Bundle): Mobivate => {
  const generation = GENERATIONS[authDataOf(bundle).api_platform];
  const supports = generation.capabilities;
  const require = (capability: Capability, step: string) => {
    if (!supports[capability]) throw capabilityError(z, capability, step);
  };
  /** An address-book part; reaching for it on a connection without one stops the step. */
  const addressBook = <Name extends AddressBook>(name: Name) => {
    require('addressBook', 'This step');
    return bind(generation[name] as NonNullable<Generation[Name]>, z, bundle);
  };
  const messageLog = bind(generation.messageLog, z, bundle);
  return {
    supports,
    require,
    origin: () => apiOrigin(z, bundle),
    startClock: () => void stepDeadline(bundle),
    connection: bind(generation.connection, z, bundle),
    optOuts: bind(generation.optOuts, z, bundle),
    messages: bind(generation.messages, z, bundle),
    messageLog: {
      ...messageLog,
      scan: (window, options = {}) => {
        if (options.direction === 'incoming') require('incomingMessages', 'This trigger');
        return messageLog.scan(window, options);
      },
    },
    get contacts() {
      return addressBook('contacts');
    },
    get groups() {
      return addressBook('groups');
    },
    get campaigns() {
      return addressBook('campaigns');
    },
  };
};

export { befores } from './transport/headers';
export { DEFAULT_API_URL } from './transport/address';
export { SCAN_LIMITS } from './shared/paged-scan';
export { readOriginator } from './shared/sender-id';
export { OPT_OUT_SOURCES } from './shared/opt-out-sources';
export { DEFAULT_ROUTE } from './bulksms/messages';
export { DAY_MS } from './types';
export type * from './types';
