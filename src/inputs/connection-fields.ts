import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { API_NAMES, capabilitiesFor, type Capabilities, type Capability } from '../mobivate';

/**
 * Input fields that read the connection, so that the Zap editor shows only what works on it
 * (docs/operations.md, "Fields that fit the connection"). What each API can do is the Mobivate
 * layer's (`capabilitiesFor`); should the connection not be resolvable while the editor loads (a
 * key Mobivate refuses, Mobivate down), every field is shown, as before, and the step says what
 * is wrong when it runs.
 */
const supportsOf = (z: ZObject, bundle: Bundle): Promise<Capabilities | undefined> =>
  capabilitiesFor(z, bundle).catch(() => undefined);

/**
 * A field function that also lists every field it may show (`fields`), for checks that read the
 * app's definition without a connection (the publish checks).
 */
export type ConnectionFields<Fields> = ((z: ZObject, bundle: Bundle) => Promise<Fields>) & {
  fields: PlainInputField[];
};

const listing = <Fields>(
  show: (z: ZObject, bundle: Bundle) => Promise<Fields>,
  fields: PlainInputField[],
): ConnectionFields<Fields> => Object.assign(show, { fields });

/** `fields` on a connection that has `capability`, `otherwise` on one that has not. */
export const byCapability = <const Fields extends PlainInputField[]>(
  capability: Capability,
  fields: Fields,
  otherwise: PlainInputField[],
) =>
  listing(
    async (z: ZObject, bundle: Bundle): Promise<Fields> => {
      const supports = await supportsOf(z, bundle);
      return (supports && !supports[capability] ? otherwise : fields) as unknown as Fields;
    },
    [...fields, ...otherwise],
  );

/** These fields only on a connection that has `capability` (Route and Campaign on BulkSMS). */
export const onlyWith = <const Fields extends PlainInputField[]>(
  capability: Capability,
  fields: Fields,
) => byCapability(capability, fields, []);

/** Which API a step that needs `capability` runs on, for its notice and description. */
const API_WITH: Record<Capability, keyof typeof API_NAMES> = {
  addressBook: 'vortex',
  routes: 'bulksms',
  incomingMessages: 'bulksms',
};

/** "(Vortex connections only)", for the description of a step that needs `capability`. */
export const connectionsOnly = (capability: Capability): string =>
  `(${API_NAMES[API_WITH[capability]].replace(' API', '')} connections only)`;

/** The line shown instead of a step's fields on a connection of the API it does not run on. */
const noticeFor = (capability: Capability, supports: Capabilities): PlainInputField => {
  const api = API_NAMES[API_WITH[capability]];
  return {
    key: 'needs_other_api',
    label: `Needs a ${api} Connection`,
    type: 'copy',
    helpText: `This step works on a ${api} connection only, and this connection uses the ${API_NAMES[supports.api]}. Choose or add a connection with a ${api} key (the Mobivate hub makes them: User Profile → API Keys).`,
  };
};

/**
 * A step that runs on one API only: on a connection of the other, its fields give way to one
 * line that says so, rather than fields that would fail when the Zap runs.
 */
export const stepNeeds = <const Fields extends PlainInputField[]>(
  capability: Capability,
  fields: Fields,
) =>
  listing(async (z: ZObject, bundle: Bundle): Promise<Fields> => {
    const supports = await supportsOf(z, bundle);
    if (!supports || supports[capability]) return fields;
    return [noticeFor(capability, supports)] as unknown as Fields;
  }, fields);
