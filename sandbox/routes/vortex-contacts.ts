/**
 * The sandbox's Vortex address book (docs/mobivate-api.md §V5): create, list (newest first, by
 * offset), update by id with **POST**, delete by number (§9 #26). The list answers in the shape
 * seen live on the opt-out list (`results`, `created_at`, with `meta`) or, with `shapes:
 * 'documented'`, the documented one (`records`, `created_on`, no `meta`).
 *
 * Undocumented, and kept plain: the words of a refused duplicate (a 400 that says "already
 * exists"); an update **replaces** `meta` (the harsher of the two readings, so the app's merged map
 * is what keeps fields); a 404 for an update of an unknown id.
 */
import type { Handler, Route } from '../api';
import type { VortexShapes } from './vortex';

export interface SandboxContact {
  id: string;
  alias: string;
  msisdn: string;
  meta: Record<string, unknown>;
  created: number;
  updated: number;
}

const failure = (status: number, message: string) => ({
  status,
  body: { success: false, error: { message } },
});
const isMobile = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{7,15}$/.test(value);
const isAlias = (value: unknown): value is string => typeof value === 'string' && !!value.trim();
const isMeta = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const iso = (millis: number) => new Date(millis).toISOString();

const record = (contact: SandboxContact) => ({
  id: contact.id,
  alias: contact.alias,
  msisdn: contact.msisdn,
  meta: contact.meta,
  created_on: iso(contact.created),
});

const listRow = (shapes: VortexShapes) => (contact: SandboxContact) =>
  shapes === 'observed'
    ? {
        id: contact.id,
        userID: 'u-1',
        alias: contact.alias,
        msisdn: contact.msisdn,
        meta: contact.meta,
        created_at: iso(contact.created),
        updated_at: iso(contact.updated),
      }
    : {
        id: contact.id,
        alias: contact.alias,
        msisdn: contact.msisdn,
        created_on: iso(contact.created),
      };

export const vortexContacts = (shapes: VortexShapes, now: () => number) => {
  const contacts = new Map<string, SandboxContact>();
  let number = 1;
  const nextId = () => `7c9e6679-7425-40de-944b-${String(number++).padStart(12, '0')}`;
  const holder = (field: 'alias' | 'msisdn', value: string) =>
    [...contacts.values()].find((contact) => contact[field] === value);

  const list: Handler = ({ query }) => {
    const offset = Number(query.offset ?? 0);
    const limit = Number(query.limit ?? 10);
    if (limit > 5000) {
      return { status: 502, html: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
    }
    const newestFirst = query.sortDir?.toUpperCase() === 'DESC';
    const rows = [...contacts.values()]
      .sort((a, b) => (newestFirst ? b.created - a.created : a.created - b.created))
      .map(listRow(shapes));
    const page = rows.slice(offset, offset + limit);
    return {
      status: 200,
      body:
        shapes === 'observed'
          ? {
              type: 'Contacts',
              results: page,
              scanned: rows.length,
              matches: rows.length,
              offset,
              limit,
            }
          : { success: true, records: page, offset, limit, total: rows.length },
    };
  };

  const create: Handler = ({ body }) => {
    const { alias, msisdn, meta } = (body ?? {}) as Record<string, unknown>;
    if (!isAlias(alias)) return failure(400, 'alias is required');
    if (!isMobile(msisdn)) return failure(400, 'msisdn is invalid');
    if (meta !== undefined && !isMeta(meta)) return failure(400, 'meta must be an object');
    if (holder('alias', alias)) return failure(400, 'A contact with this alias already exists');
    if (holder('msisdn', msisdn)) return failure(400, 'A contact with this msisdn already exists');
    // Distinct times, so that newest first is one order.
    const at = Math.max(now(), ...[...contacts.values()].map((c) => c.created + 1));
    const contact = { id: nextId(), alias, msisdn, meta: meta ?? {}, created: at, updated: at };
    contacts.set(contact.id, contact);
    // The documented answer: no meta (§V5).
    const { id, created_on } = record(contact);
    return { status: 200, body: { success: true, record: { id, alias, msisdn, created_on } } };
  };

  const update =
    (id: string): Handler =>
    ({ body }) => {
      const contact = contacts.get(id);
      if (!contact) return failure(404, 'Contact not found');
      const { alias, msisdn, meta } = (body ?? {}) as Record<string, unknown>;
      if (alias !== undefined && !isAlias(alias)) return failure(400, 'alias is invalid');
      if (msisdn !== undefined && !isMobile(msisdn)) return failure(400, 'msisdn is invalid');
      if (meta !== undefined && !isMeta(meta)) return failure(400, 'meta must be an object');
      const other = (field: 'alias' | 'msisdn', value: string | undefined) =>
        value !== undefined && holder(field, value) && holder(field, value)!.id !== id;
      if (other('alias', alias)) return failure(400, 'A contact with this alias already exists');
      if (other('msisdn', msisdn)) return failure(400, 'A contact with this msisdn already exists');
      if (alias !== undefined) contact.alias = alias;
      if (msisdn !== undefined) contact.msisdn = msisdn;
      if (meta !== undefined) contact.meta = meta;
      contact.updated = now();
      return { status: 200, body: { success: true, record: record(contact) } };
    };

  const remove =
    (msisdn: string): Handler =>
    () => {
      const contact = holder('msisdn', msisdn);
      if (!contact) return failure(404, 'Contact not found');
      contacts.delete(contact.id);
      return { status: 200, body: { success: true } };
    };

  const routes: Record<string, Route> = {
    '/addressbook/contacts': { GET: list, POST: create },
  };
  /** `/addressbook/contacts/{id}` (update) and `/addressbook/contacts/{msisdn}` (delete). */
  const routeFor = (path: string): Route | undefined => {
    const match = /^\/addressbook\/contacts\/([^/]+)$/.exec(path);
    if (!match) return undefined;
    const key = decodeURIComponent(match[1]!);
    return { POST: update(key), DELETE: remove(key) };
  };
  return { contacts, routes, routeFor };
};
