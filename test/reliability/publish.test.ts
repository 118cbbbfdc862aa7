/**
 * Zapier's published rules that `zapier-platform validate --without-style` does not check (its
 * style checks need zapier.com), enforced on the app definition. Rules: the integration publishing
 * requirements and integration checks reference (labels D018, descriptions D021, samples D024,
 * help text D011, links D008, ids D004, auth help D002).
 */
import nock from 'nock';
import App from '../../index';
import { demoMessages } from '../../sandbox/demo';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { OPERATIONS } from '../operations';
import { resultOf, runOn, sandboxAuth } from '../runner';

interface Field {
  key: string;
  label?: string;
  helpText?: string;
  dynamic?: string;
  search?: string;
  children?: Field[];
}
interface Operation {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: {
    inputFields?: Field[];
    outputFields?: Field[];
    sample?: Record<string, unknown>;
    perform: unknown;
  };
}

const kinds = {
  triggers: Object.values(App.triggers ?? {}) as unknown as Operation[],
  creates: Object.values(App.creates ?? {}) as unknown as Operation[],
  searches: Object.values(App.searches ?? {}) as unknown as Operation[],
};
const all = [...kinds.triggers, ...kinds.creates, ...kinds.searches];
/** Every field an operation may show: a field function lists its own (connection-fields.ts). */
const inputFields = (operation: Operation) =>
  (operation.operation.inputFields ?? [])
    .flatMap((field) =>
      typeof field === 'function' ? (field as { fields: Field[] }).fields : [field],
    )
    .flatMap((field) => [field, ...(field.children ?? [])]);

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'per',
  'the',
  'to',
  'with',
]);
const isTitleCase = (label: string) =>
  label
    .split(/[\s/]+/)
    .map((word) => word.replace(/^[(“"]+/, ''))
    .every(
      (word, index) =>
        !/^[a-z]/.test(word) || (index > 0 && SMALL_WORDS.has(word.replace(/[),:’]+$/, ''))),
    );

/** Inputs that name an internal id, with why they are fine without a dropdown. */
const ID_INPUT_EXEMPTIONS: Record<string, string> = {
  'find_message.message_id':
    'a search field: looking a message up by the id a send returned is the point of the search',
  'send_sms.route_id':
    'has the documented default (mglobal); Mobivate has no endpoint that lists routes',
  'send_sms.campaign_id':
    'Mobivate has no endpoint that lists campaigns, so there is nothing to offer in a dropdown',
  'send_template_campaign.template_id':
    'Mobivate has no endpoint that lists templates (nor groups, for the Groups inputs), so there is nothing to offer in a dropdown or a search; the help text says where the hub shows the id',
};

describe('labels', () => {
  const labels = [
    ...all.map((operation) => operation.display.label),
    ...all.flatMap((operation) =>
      [...inputFields(operation), ...(operation.operation.outputFields ?? [])].map(
        (field) => field.label ?? '',
      ),
    ),
    ...Object.values(App.searchOrCreates ?? {}).map((pair) => pair.display.label ?? ''),
    ...App.authentication!.fields!.map((field) => field.label ?? ''),
  ];

  it.each(labels)('%j is in Title Case', (label) => {
    expect(label).not.toBe('');
    expect(isTitleCase(label)).toBe(true);
  });
});

describe('descriptions', () => {
  it.each(kinds.triggers.map((t) => [t.key, t.display.description]))(
    'trigger %s: "Triggers when …."',
    (_key, description) => {
      expect(description).toMatch(/^Triggers when .+\.$/);
    },
  );

  it.each([...kinds.creates, ...kinds.searches].map((o) => [o.key, o.display.description]))(
    '%s starts with a verb in the third person and ends with a period',
    (_key, description) => {
      expect(description).toMatch(/^(Adds|Removes|Finds|Sends|Creates|Updates|Deletes) .+\.$/);
    },
  );

  it('searches start with "Finds"', () => {
    for (const search of kinds.searches) expect(search.display.description).toMatch(/^Finds /);
  });
});

describe('fields', () => {
  const allFields = [
    ...all.flatMap((operation) =>
      inputFields(operation).map((field) => [operation.key, field] as const),
    ),
    ...App.authentication!.fields!.map((field) => ['authentication', field as Field] as const),
  ];

  it.each(allFields.filter(([, field]) => field.helpText))(
    '%s.%s: help text adds to the label',
    (_op, field) => {
      const help = field
        .helpText!.toLowerCase()
        .replace(/[^a-z ]/g, '')
        .trim();
      expect(help).not.toBe((field.label ?? '').toLowerCase());
      expect(help.length).toBeGreaterThan((field.label ?? '').length + 10);
    },
  );

  it.each(allFields.filter(([, field]) => /\]\(/.test(field.helpText ?? '')))(
    '%s: Markdown links are https',
    (_op, field) => {
      for (const [, url] of field.helpText!.matchAll(/\]\(([^)]+)\)/g))
        expect(url).toMatch(/^https:\/\//);
    },
  );

  it('no input asks for an internal id without a dropdown or search, unless exempted with a reason', () => {
    const idInputs = all.flatMap((operation) =>
      inputFields(operation)
        .filter((field) => /_id$/.test(field.key) && !field.dynamic && !field.search)
        .map((field) => `${operation.key}.${field.key}`),
    );
    expect(idInputs.filter((key) => !ID_INPUT_EXEMPTIONS[key])).toEqual([]);
  });

  it('every authentication field has help text with a link', () => {
    for (const field of App.authentication!.fields!)
      expect(field.helpText).toMatch(/\]\(https:\/\/[^)]+\)/);
  });

  it('every output field has a label', () => {
    for (const operation of all) {
      for (const field of operation.operation.outputFields ?? [])
        expect([operation.key, field.key, field.label]).toEqual([
          operation.key,
          field.key,
          expect.any(String),
        ]);
    }
  });
});

describe('samples match the output fields and the real output', () => {
  let sandbox: Sandbox;
  // Contacts exist on the Vortex API only: their operations run against a sandbox speaking it.
  let vortexSandbox: Sandbox;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    vortexSandbox = await startSandbox({ generation: 'vortex' });
    sandbox = await startSandbox({
      optOuts: [{ mobile: '447700900123', note: 'MO', created: Date.now() - 60_000 }],
      // Received and sent messages with statuses, for the message log triggers.
      messages: demoMessages(),
    });
  });
  afterAll(async () => {
    await sandbox.close();
    await vortexSandbox.close();
    nock.disableNetConnect();
  });
  /** Runs an operation's `real` run (test/operations.ts) against the sandbox of its API. */
  const run = async (key: string) => {
    const { method, real } = OPERATIONS[key]!;
    const target = real!.api === 'vortex' ? vortexSandbox : sandbox;
    return resultOf(await runOn(sandboxAuth(target, real!.api), method, real!.inputData));
  };

  const withRealRun = Object.keys(OPERATIONS).filter((key) => OPERATIONS[key]!.real);

  it('has a way to run every visible operation', () => {
    expect(
      all
        .filter((o) => !o.display.hidden)
        .map((o) => o.key)
        .sort(),
    ).toEqual([...withRealRun].sort());
  });

  // In the registry's order: the searches find what the creates made.
  it.each(withRealRun)('%s', async (key) => {
    const operation = all.find((candidate) => candidate.key === key)!;
    const sample = operation.operation.sample!;
    const outputKeys = (operation.operation.outputFields ?? []).map((field) => field.key);
    expect(Object.keys(sample).filter((k) => !outputKeys.includes(k))).toEqual([]);

    const output = await run(key);
    const item = (Array.isArray(output) ? output[0] : output) as Record<string, unknown>;
    expect(item).toBeDefined();
    expect(Object.keys(sample).filter((k) => !(k in item))).toEqual([]);
    expect(Object.keys(item).filter((k) => !outputKeys.includes(k))).toEqual([]);
  });
});
