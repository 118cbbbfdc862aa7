/**
 * The sandbox's Vortex contact groups and the sends that reach contacts and groups
 * (docs/mobivate-api.md §V5, §3.6, §3.7): create a group with a **form-encoded** `name`, send to
 * contacts by alias, send a template to numbers and groups (`meta.type: "mailinglist"`).
 *
 * Undocumented, and kept plain: the 200 answers (`{success, record: {id, …}}`, as the batch's);
 * the words of a taken or missing name (400); the group list (`GET`, in the contact list's
 * shape); members are added by tests (`groups`), as no documented request adds a contact to a
 * group; templates are the ones in TEMPLATES, and an unknown template or group is a 400; an alias
 * without a contact is left out (§3.7: "nothing is sent"); a JSON body to the group route is
 * refused like a missing name.
 */
import type { Handler, Route } from '../api';
import type { SandboxState } from '../state';
import { logSend } from './vortex';
import type { SandboxContact } from './vortex-contacts';

export interface SandboxGroup {
  id: string;
  name: string;
  /** Mobile numbers, international digits. */
  members: string[];
}

/** The account's templates by id, each with its language versions (the first is the default). */
export const SANDBOX_TEMPLATES: Record<string, Record<string, string>> = {
  'aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee': {
    EN: 'Hello {{NAME}}, your order is ready.',
    FR: 'Bonjour {{NAME}}, votre commande est prête.',
  },
};

const failure = (status: number, message: string) => ({
  status,
  body: { success: false, error: message },
});
const isMobile = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{7,15}$/.test(value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{{KEY}}` filled from the recipient's fields; a placeholder without a value is left as it is. */
const fill = (text: string, fields: Record<string, unknown>) =>
  text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, key: string) =>
    typeof fields[key] === 'string' || typeof fields[key] === 'number'
      ? String(fields[key])
      : whole,
  );

export const vortexGroups = (state: SandboxState, contacts: Map<string, SandboxContact>) => {
  const groups = new Map<string, SandboxGroup>();
  let nextGroup = 1;

  const log = (originator: string, recipient: string, text: string, reference?: unknown) =>
    logSend(state, originator, recipient, text, reference);

  const accepted = (type: string, recipientCount: number, name?: unknown) => ({
    status: 200,
    body: {
      success: true,
      record: {
        id: `${type.toLowerCase()}-${state.nextMessageNumber()}`,
        type,
        name: typeof name === 'string' ? name : null,
        recipientCount,
      },
    },
  });

  const createGroup: Handler = ({ body, headers }) => {
    const form = String(headers['content-type'] ?? '').includes(
      'application/x-www-form-urlencoded',
    );
    const name = form && isRecord(body) && typeof body.name === 'string' ? body.name.trim() : '';
    if (!name) return failure(400, 'name is required');
    if ([...groups.values()].some((group) => group.name === name)) {
      return failure(400, 'A group with this name already exists');
    }
    const id = `00000000-0000-4000-8000-${String(nextGroup++).padStart(12, '0')}`;
    groups.set(id, { id, name, members: [] });
    return { status: 200, body: { success: true, record: { id, name } } };
  };

  /**
   * The group list, which Mobivate does not document (§V5): answered by offset in the envelope of
   * the documented contact list, so that Create Group can find a group whose name is taken.
   */
  const listGroups: Handler = ({ query }) => {
    const offset = Number(query.offset ?? 0);
    const limit = Number(query.limit ?? 10);
    const rows = [...groups.values()].map(({ id, name }) => ({ id, name }));
    const page = rows.slice(offset, offset + limit);
    return {
      status: 200,
      body: { success: true, records: page, offset, limit, total: rows.length },
    };
  };

  const sendAlias: Handler = ({ body }) => {
    const { recipients, text, originator, name } = (body ?? {}) as Record<string, unknown>;
    if (typeof originator !== 'string' || !originator)
      return failure(400, 'originator is required');
    if (typeof text !== 'string' || !text) return failure(400, 'text is required');
    if (!Array.isArray(recipients) || recipients.length === 0) {
      return failure(400, 'recipients is required');
    }
    let count = 0;
    for (const alias of recipients) {
      const contact = [...contacts.values()].find((c) => c.alias === alias);
      if (!contact) continue;
      log(originator, contact.msisdn, fill(text, contact.meta));
      count++;
    }
    return accepted('AliasSMS', count, name);
  };

  const sendTemplate: Handler = ({ body }) => {
    const { templateID, recipients } = (body ?? {}) as Record<string, unknown>;
    const template = typeof templateID === 'string' ? SANDBOX_TEMPLATES[templateID] : undefined;
    if (!template) return failure(400, 'Template not found');
    if (!Array.isArray(recipients) || recipients.length === 0) {
      return failure(400, 'recipients is required');
    }
    const sends: { recipient: string; text: string; reference?: unknown }[] = [];
    for (const item of recipients) {
      const { recipient, reference, language, meta } = (isRecord(item) ? item : {}) as Record<
        string,
        unknown
      >;
      const fields = isRecord(meta) ? meta : {};
      const version =
        (typeof language === 'string' ? template[language] : undefined) ??
        Object.values(template)[0]!;
      if (fields.type === 'mailinglist') {
        const group = typeof recipient === 'string' ? groups.get(recipient) : undefined;
        if (!group) return failure(400, `Mailing list ${String(recipient)} not found`);
        for (const member of group.members) sends.push({ recipient: member, text: version });
      } else if (isMobile(recipient)) {
        sends.push({ recipient, text: fill(version, fields), reference });
      } else return failure(400, `recipient ${String(recipient)} is invalid`);
    }
    for (const send of sends) log('Template', send.recipient, send.text, send.reference);
    return accepted('TemplateSMS', sends.length);
  };

  const routes: Record<string, Route> = {
    '/addressbook/groups': { GET: listGroups, POST: createGroup },
    '/send/alias': { POST: sendAlias },
    '/send/template': { POST: sendTemplate },
  };
  return { routes, groups };
};

/** A form-encoded body (Create Group) read into fields, so that handlers see it like JSON. */
export const readFormBody = (
  request: { headers: Record<string, string | string[] | undefined>; body: unknown },
  rawBody: string,
) => {
  if (String(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    request.body = Object.fromEntries(new URLSearchParams(rawBody));
  }
};
