/**
 * The publishing rules an output shape and a Zap editor's screen must follow before version 1
 * (Zapier's integration checks and publishing requirements; docs/operations.md, "Outputs"): one
 * key per fact, snake_case keys, samples typed like their fields, required inputs first, no
 * jargon, no part of the key in the connection label, hook triggers with samples.
 */
import App from '../../index';
import { connectionLabel } from '../../src/authentication';
import { appTester, authData, makeBundle } from '../helpers';

interface Field {
  key: string;
  label?: string;
  helpText?: string;
  type?: string;
  list?: boolean;
  dict?: boolean;
  required?: boolean;
  children?: Field[];
}
interface Operation {
  key: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: {
    type?: string;
    inputFields?: Field[];
    outputFields?: Field[];
    sample?: Record<string, unknown>;
    performList?: unknown;
  };
}

const operations = [
  ...Object.values(App.triggers ?? {}),
  ...Object.values(App.creates ?? {}),
  ...Object.values(App.searches ?? {}),
] as unknown as Operation[];
const outputs = operations.map((o) => [o.key, o.operation.outputFields ?? []] as const);

/** Reduces a key to the fact it names: created_at, createdAt and created_epoch are one fact. */
const fact = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/_(at|code|iso|epoch|ms|millis)$/, '')
    .replace(/_/g, '');

describe('outputs: one key per fact, in snake_case', () => {
  it.each(outputs)('%s', (_key, fields) => {
    const keys = fields.map((field) => field.key);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    const facts = keys.map(fact);
    expect(keys.filter((_k, i) => facts.indexOf(facts[i]!) !== i)).toEqual([]);
  });

  it('the fact reducer catches the pairs it is for', () => {
    expect(fact('created_at')).toBe(fact('created'));
    expect(fact('statusCode')).toBe(fact('status'));
    expect(fact('batch_ids')).not.toBe(fact('batch_id'));
  });
});

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const typed: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  text: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  datetime: (v) => typeof v === 'string' && ISO_DATETIME.test(v),
};

describe('samples are typed like their output fields', () => {
  it.each(operations.map((o) => [o.key, o] as const))('%s', (_key, operation) => {
    const sample = operation.operation.sample ?? {};
    for (const field of operation.operation.outputFields ?? []) {
      if (!(field.key in sample)) continue;
      const value = sample[field.key];
      const check = typed[field.type ?? 'string']!;
      // A key/value field (Contact Fields): an object whose every value is typed like the field.
      const isMap = (v: unknown): v is object =>
        typeof v === 'object' && v !== null && !Array.isArray(v);
      // Line items (Send Groups): a list of objects, each child typed, or null where empty means
      // something (a group's Send At: now).
      const lineItem = (item: unknown) =>
        isMap(item) &&
        field.children!.every((child) => {
          const childValue = (item as Record<string, unknown>)[child.key];
          const childCheck = typed[child.type ?? 'string']!;
          if (childValue === null) return true;
          return child.list
            ? Array.isArray(childValue) && childValue.every(childCheck)
            : childCheck(childValue);
        });
      const ok = field.children
        ? Array.isArray(value) && value.length > 0 && value.every(lineItem)
        : field.list
          ? Array.isArray(value) && value.every(check)
          : field.dict
            ? isMap(value) && Object.values(value).every(check)
            : check(value);
      expect([field.key, field.type, ok ? 'typed' : value]).toEqual([
        field.key,
        field.type,
        'typed',
      ]);
    }
  });
});

describe('inputs: required fields first', () => {
  it.each(operations.map((o) => [o.key, o.operation.inputFields ?? []] as const))(
    '%s',
    (_key, fields) => {
      const shown = fields.filter((field) => field.type !== 'copy');
      const firstOptional = shown.findIndex((field) => !field.required);
      const lateRequired = shown.slice(firstOptional < 0 ? shown.length : firstOptional);
      expect(lateRequired.filter((field) => field.required).map((f) => f.key)).toEqual([]);
    },
  );
});

/** Words a marketer should not meet in the Zap editor (Zapier's build guidelines). */
const JARGON: [RegExp, string][] = [
  [/\bMO\b|\bMT\b/, 'MO/MT'],
  [/\bHLR\b/, 'HLR'],
  [/GSM-?7|UCS-?2|\bGSM\b/, 'encoding names'],
  [/webhook/i, 'webhook'],
  [/\b(GET|POST|PUT|PATCH|DELETE)\b/, 'HTTP verbs'],
  [/(^|\s)\/[a-z]+\/[a-z/{}]+/, 'paths'],
  [
    /\b(personalis|organis|recognis|authoris|normalis|customis|prioritis|summaris)\w*|\b(colour|behaviour|favour|centre|licence|cancelled|catalogue)\b/i,
    'British spelling',
  ],
];

const texts = operations.flatMap((o) => [
  [`${o.key} label`, o.display.label],
  [`${o.key} description`, o.display.description],
  ...(o.operation.inputFields ?? [])
    .flatMap((field) => [field, ...(field.children ?? [])])
    .flatMap((field) => [
      [`${o.key}.${field.key} label`, field.label ?? ''],
      [`${o.key}.${field.key} help`, field.helpText ?? ''],
    ]),
  ...(o.operation.outputFields ?? []).map((field) => [
    `${o.key}.${field.key} output`,
    field.label ?? '',
  ]),
]);

describe('no jargon in labels, descriptions and help text', () => {
  it.each(texts)('%s', (_where, text) => {
    for (const [pattern, name] of JARGON) {
      const found = pattern.exec(text ?? '');
      expect([name, found?.[0] ?? null]).toEqual([name, null]);
    }
  });

  it.each(operations.map((o) => [o.key, o.display.description] as const))(
    '%s: the description does not name the app',
    (_key, description) => {
      expect(description).not.toMatch(/Mobivate/);
    },
  );
});

describe('connection label', () => {
  it.each([
    ['key-5a8d1c7e-canary-9b2f4e6a0d3c', ''],
    ['short', 'https://eu.sms.example'],
    ['v-0f3b9e1c-aaaa-bbbb-cccc-1234567890ab:9d8c7b6a', 'https://sms.example:8443'],
  ])('shows no part of the key %j', async (key, url) => {
    const label = (await appTester(
      connectionLabel,
      makeBundle({}, authData({ api_key: key, api_url: url })),
    )) as string;
    for (let i = 0; i + 4 <= key.length; i++) expect(label).not.toContain(key.slice(i, i + 4));
  });
});

describe('hook triggers', () => {
  it('every hook trigger (if any) can pull samples', () => {
    const hooks = operations.filter((o) => o.operation.type === 'hook');
    for (const hook of hooks) expect(typeof hook.operation.performList).toBe('function');
  });
});
