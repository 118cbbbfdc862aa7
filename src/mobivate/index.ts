/**
 * The Mobivate layer's one way in. `mobivate(z, bundle)` gives the connection's API generation
 * bound to one step, with what the connection can do (`supports`), and checks that before any
 * request. Which API the connection speaks is resolved on the first call (detect.ts). Everything Mobivate-specific lives below this folder: requests and the reading of
 * every answer (docs/code-map.md). Section numbers (§2.1, §9 #1, §V7) in this folder's comments
 * refer to docs/mobivate-api.md.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { capabilityError } from './capabilities';
import { GENERATIONS, resolveConnection } from './detect';
import type { Generation } from './generation';
import { apiOrigin } from './transport/request';
import { stepDeadline } from './transport/deadline';
import type { Capabilities, Capability } from './types';

type Bound<Part> = {
  [Method in keyof Part]: Part[Method] extends (
    z: ZObject,
    bundle: Bundle,
    ...args: infer Args
  ) => Promise<infer Result>
    ? (...args: Args) => Promise<Result>
    : never;
};

type Part = 'connection' | 'optOuts' | 'messages' | 'messageLog';
type AddressBook = 'contacts' | 'groups' | 'campaigns';

export interface Mobivate {
  /** What the connection's API can do (asking Mobivate which API, if nothing says: detect.ts). */
  supports: () => Promise<Capabilities>;
  /** Throws the error that says a step needs what the connection lacks, before any request. */
  require: (capability: Capability, step: string) => Promise<void>;
  /** The connection's address (once resolved). */
  origin: () => Promise<string>;
  startClock: () => void;
  connection: Bound<Generation['connection']>;
  optOuts: Bound<Generation['optOuts']>;
  messages: Bound<Generation['messages']>;
  messageLog: Bound<Generation['messageLog']>;
  contacts: Bound<NonNullable<Generation['contacts']>>;
  groups: Bound<NonNullable<Generation['groups']>>;
  campaigns: Bound<NonNullable<Generation['campaigns']>>;
}

/** What the connection can do: for input fields that show only what applies. */
export const capabilitiesFor = async (z: ZObject, bundle: Bundle): Promise<Capabilities> =>
  GENERATIONS[(await resolveConnection(z, bundle)).api_platform].capabilities;

/**
 * One part of the connection's generation, bound to the step: each call first resolves which API
 * the connection speaks, then checks what the part needs, then calls that generation's method.
 */
const bind = <Name extends Part | AddressBook>(
  z: ZObject,
  bundle: Bundle,
  name: Name,
  check: (method: string, args: unknown[], supports: Capabilities) => void = () => undefined,
): Bound<NonNullable<Generation[Name]>> => {
  const methods = Object.keys(GENERATIONS.vortex[name] ?? {});
  return Object.fromEntries(
    methods.map((method) => [
      method,
      async (...args: unknown[]) => {
        const generation = GENERATIONS[(await resolveConnection(z, bundle)).api_platform];
        check(method, args, generation.capabilities);
        const part = generation[name] as Record<string, (...all: unknown[]) => unknown>;
        return part[method]!(z, bundle, ...args);
      },
    ]),
  ) as Bound<NonNullable<Generation[Name]>>;
};

export const mobivate = (z: ZObject, bundle: Bundle): Mobivate => {
  const needs = (capability: Capability, step: string) => (supports: Capabilities) => {
    if (!supports[capability]) throw capabilityError(z, capability, step);
  };
  const addressBook = <Name extends AddressBook>(name: Name) =>
    bind(z, bundle, name, (_, __, supports) => needs('addressBook', 'This step')(supports));
  return {
    supports: () => capabilitiesFor(z, bundle),
    require: async (capability, step) => needs(capability, step)(await capabilitiesFor(z, bundle)),
    origin: async () => {
      await resolveConnection(z, bundle);
      return apiOrigin(z, bundle);
    },
    startClock: () => void stepDeadline(bundle),
    connection: bind(z, bundle, 'connection'),
    optOuts: bind(z, bundle, 'optOuts'),
    messages: bind(z, bundle, 'messages'),
    messageLog: bind(z, bundle, 'messageLog', (method, args, supports) => {
      const options = args[1] as { direction?: string } | undefined;
      if (method === 'scan' && options?.direction === 'incoming') {
        needs('incomingMessages', 'This trigger')(supports);
      }
    }),
    contacts: addressBook('contacts'),
    groups: addressBook('groups'),
    campaigns: addressBook('campaigns'),
  };
};

export { befores } from './transport/headers';
export { DEFAULT_API_URL, VORTEX_API_URL } from './transport/address';
export { API_NAMES, checkConnection, platformOfAddress } from './detect';
export { SCAN_LIMITS } from './shared/paged-scan';
export { readOriginator } from './shared/sender-id';
export { OPT_OUT_SOURCES } from './shared/opt-out-sources';
export { DEFAULT_ROUTE } from './bulksms/messages';
export { DAY_MS, HOUR_MS } from './types';
export { referenceVerdict, type ReferenceVerdict } from './shared/reference-lookup';
export type * from './types';
