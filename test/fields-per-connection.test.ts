/**
 * Fields that fit the connection (issue 22): for every operation on each API, the input fields
 * the Zap editor shows, resolved through core's handler as Zapier resolves them, and none that
 * fails by design on that API. What fails where is written here from docs/mobivate-api.md, not
 * read from the app's own capability table, so the two are checked against each other.
 */
import { OPERATIONS } from './operations';
import { authData, vortexAuth } from './helpers';
import { resultOf, runOn } from './runner';

/** Fields and steps that cannot work on an API, by the API's documentation. */
const FAILS_ON = {
  // Vortex has no routes or campaigns on a single send (§V3), no incoming messages (§V6).
  vortex: { fields: ['route_id', 'campaign_id'], steps: ['new_incoming_sms'] },
  // BulkSMS has no address book: no groups, aliases, templates or placeholders (§V5).
  bulksms: {
    fields: ['groups', 'line_fields'],
    steps: [
      'add_contact',
      'find_contact',
      'delete_contact',
      'create_group',
      'send_sms_to_contacts',
      'send_template_campaign',
    ],
  },
} as const;

interface ShownField {
  key: string;
  type?: string;
  children?: ShownField[];
}

const keysOf = (fields: ShownField[]): string[] =>
  fields.flatMap((field) => [field.key, ...keysOf(field.children ?? [])]);

const operations = Object.entries(OPERATIONS).filter(([key]) => key !== 'authentication');

describe.each([
  ['bulksms', authData()],
  ['vortex', vortexAuth()],
] as const)('on a %s connection', (api, auth) => {
  const editorFields = async (method: string) =>
    resultOf(
      await runOn(auth, method.replace(/\.perform$/, '.inputFields')),
    ) as unknown as ShownField[];

  it.each(operations)('%s shows only fields that work here', async (key, spec) => {
    const fields = await editorFields(spec.method);
    const keys = keysOf(fields);

    if ((FAILS_ON[api].steps as readonly string[]).includes(key)) {
      // The whole step cannot run here: one line says so, and no field asks for input.
      expect(fields).toEqual([
        expect.objectContaining({
          key: 'needs_other_api',
          type: 'copy',
          helpText: expect.stringMatching(
            /^This step works on a (Vortex|BulkSMS) API connection only/,
          ),
        }),
      ]);
    } else {
      expect(
        keys.filter((shown) => (FAILS_ON[api].fields as readonly string[]).includes(shown)),
      ).toEqual([]);
      expect(keys).not.toContain('needs_other_api');
    }
  });
});

it('shows the API-specific fields on the API they work on', async () => {
  const shown = async (auth: Record<string, string>, method: string) =>
    keysOf(resultOf(await runOn(auth, method)) as unknown as ShownField[]);

  expect(await shown(authData(), 'creates.send_sms.operation.inputFields')).toEqual(
    expect.arrayContaining(['route_id', 'campaign_id']),
  );
  expect(await shown(vortexAuth(), 'creates.send_batch_sms.operation.inputFields')).toEqual(
    expect.arrayContaining(['groups', 'line_fields']),
  );
});
