/**
 * The API key, through core's handler against the stand-in: a key pasted with characters a key
 * cannot hold is cleaned where that is certain or refused before any request, and the key echoed
 * back in any form never reaches the user's message, the output or a log line (what the app and
 * core print, and what core ships).
 */
import { API_KEY } from '../helpers';
import { userMessage, type Outcome } from '../runner';
import { json, page } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';

const standIn = useStandIn();

const run = (method: string, inputData: Record<string, unknown>, authData = {}) =>
  runAgainst(standIn(), method, inputData, { authData });

const SEND = [
  'creates.send_sms.operation.perform',
  { from: 'Acme', to: '+61412345678', message: 'Hi' },
] as const;
const FIND = ['searches.find_optout.operation.perform', { mobile: '+61412345678' }] as const;
const TEST = ['authentication.test', {}] as const;

/** Everything the user and Zapier's logs see of a run. */
const seenIn = (outcome: Outcome) =>
  JSON.stringify({ result: outcome.result, error: outcome.error?.message, logs: outcome.logs });

const messageOf = (outcome: Outcome) => {
  expect(outcome.error).toBeDefined();
  return userMessage(outcome.error!).message;
};

/** Every run of six characters of a key: none may be seen anywhere. */
const fragments = (key: string) =>
  [...Array(key.length - 5).keys()].map((start) => key.slice(start, start + 6));

const hexOf = (text: string) => Buffer.from(text).toString('hex');
const b64 = (text: string) => Buffer.from(text).toString('base64');
const each = (text: string, encode: (char: string) => string) => [...text].map(encode).join('');
const code = (char: string) => char.codePointAt(0)!;

describe('a key that cannot be sent is refused before any request, without repeating it', () => {
  const KEY = 'Zq7Wx-4Rt9Lm2Vb8-Nc3Hd6Fs1';
  const at = (index: number, char: string) => `${KEY.slice(0, index)}${char}${KEY.slice(index)}`;

  it.each([
    [
      'an ellipsis, as a shortened key shows',
      `${KEY.slice(0, 14)}…`,
      /its 15th character is U\+2026 "…" \(an ellipsis/,
    ],
    ['a curly quote on one side', `“${KEY}`, /its 1st character is U\+201C "“"\. /],
    [
      'a space inside, from a line wrap',
      at(13, ' '),
      /its 14th character is U\+0020 \(a space\)\. /,
    ],
    ['a non-breaking space inside', at(5, '\u00a0'), /its 6th character is U\+00A0 \(a space\)\. /],
    ['a Cyrillic letter', at(2, 'х'), /its 3rd character is U\+0445 "х"\. /],
  ])('%s', async (_name, raw, problem) => {
    for (const [method, inputData, authData] of [
      [...TEST, { api_key: raw }],
      [...SEND, { api_key: raw }],
      [...FIND, { api_key: raw, api_platform: 'vortex' }],
    ] as const) {
      const outcome = await run(method, inputData, authData);
      expect(outcome.result).toBeUndefined();
      expect(outcome.error?.name).toBe('AppError');
      expect(JSON.parse(outcome.error!.message)).toMatchObject({ code: 'InvalidApiKey' });
      const message = messageOf(outcome);
      expect(message).toMatch(/^The API Key of your Mobivate connection cannot be used: /);
      expect(message).toMatch(problem);
      expect(message).toMatch(
        /Copy the key again from the Mobivate hub \(User Profile → API Keys\) and reconnect/,
      );
      const seen = seenIn(outcome);
      for (const fragment of fragments(KEY)) expect(seen).not.toContain(fragment);
      expect(seen).not.toMatch(/not a legal HTTP header value/);
    }
    expect(standIn().received).toEqual([]);
  });

  it.each([
    ['only quotes', '“”'],
    ['only spaces and a zero-width space', ' \u200b '],
  ])('a key of %s is empty', async (_name, raw) => {
    const outcome = await run(...TEST, { api_key: raw });
    expect(messageOf(outcome)).toMatch(
      /^The API Key of your Mobivate connection is empty \(it holds only spaces, quotes or invisible characters\)\. Copy the key again/,
    );
    expect(standIn().received).toEqual([]);
  });
});

describe('a key pasted with quotes, spaces or invisible characters around or in it is sent cleaned', () => {
  it.each([
    ['curly quotes', `“${API_KEY}”`],
    ['a trailing space and a zero-width space', `${API_KEY}\u200b `],
    ['single quotes after a byte-order mark', `\ufeff'${API_KEY}'`],
    ['non-breaking spaces, straight quotes and a line break', `\u00a0"${API_KEY}"\n`],
    ['a zero-width joiner inside', `${API_KEY.slice(0, 10)}\u200d${API_KEY.slice(10)}`],
  ])('%s', async (_name, raw) => {
    standIn()
      .on('GET /auth/test', json(200, { message: 'API Key is valid' }))
      .on('POST /send/single', json(200, { id: 'ef5796ce', recipient: '61412345678', body: 'Hi' }));
    const tested = await run(...TEST, { api_key: raw });
    expect(tested.error).toBeUndefined();
    expect(tested.result).toMatchObject({ message: 'API Key is valid' });
    const sent = await run(...SEND, { api_key: raw });
    expect(sent.error).toBeUndefined();
    expect(sent.result).toMatchObject({ id: 'ef5796ce' });
    expect(standIn().received.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${API_KEY}`,
      `Bearer ${API_KEY}`,
    ]);
    for (const outcome of [tested, sent]) {
      expect(seenIn(outcome)).not.toContain(API_KEY.slice(4, -4));
    }
  });
});

/** The canary key as servers have been seen to echo it, in forms core does not scrub. */
const ECHOES: Record<string, string> = {
  'upper case': API_KEY.toUpperCase(),
  'base64 of the Bearer header': b64(`Bearer ${API_KEY}`),
  'base64 of a Basic header, URL-safe without padding': Buffer.from(
    `ops@acme.example:${API_KEY}`,
  ).toString('base64url'),
  'base64 of user:key, JSON-escaped as PHP writes it': b64(`user>>>???:${API_KEY}`).replace(
    /\//g,
    '\\/',
  ),
  'base64 of a JSON body': b64(JSON.stringify({ api_key: API_KEY })),
  hex: hexOf(API_KEY),
  'hex, upper case': hexOf(API_KEY).toUpperCase(),
  'hex of the Bearer header': hexOf(`Bearer ${API_KEY}`),
  'hex as \\x escapes': each(API_KEY, (char) => `\\x${hexOf(char)}`),
  'decimal HTML references': each(API_KEY, (char) => `&#${code(char)};`),
  'hex HTML references for the dashes': API_KEY.replace(/-/g, '&#x2D;'),
  'HTML references escaped twice': API_KEY.replace(/-/g, '&amp;#45;'),
  'split by a <br>': `${API_KEY.slice(0, 8)}<br>${API_KEY.slice(8)}`,
  'split by a line break': `${API_KEY.slice(0, 8)}\n${API_KEY.slice(8)}`,
  'split by a line break and indentation': `${API_KEY.slice(0, 12)}\r\n      ${API_KEY.slice(12)}`,
  'split by spans': `${API_KEY.slice(0, 20)}</span><span class="k">${API_KEY.slice(20)}`,
  'split by a JSON line break': `${API_KEY.slice(0, 8)}\\n${API_KEY.slice(8)}`,
  'JSON escapes of the dashes': API_KEY.replace(/-/g, '\\u002d'),
  'JSON escapes of every character': each(
    API_KEY,
    (char) => `\\u${code(char).toString(16).padStart(4, '0')}`,
  ),
  'JSON escapes, escaped twice': API_KEY.replace(/-/g, '\\\\u002D'),
  'percent-encoded, every character': each(API_KEY, (char) => `%${hexOf(char).toUpperCase()}`),
};

/** Where the key was: what is not the key (the hex of "Bearer ") may stay. */
const CENSORED = '(?:42656172657220)?:censored:';

const expectNeverSeen = (outcome: Outcome, echoed: string) => {
  const seen = seenIn(outcome);
  for (const form of [API_KEY, echoed, JSON.stringify(echoed).slice(1, -1)]) {
    expect(seen).not.toContain(form);
  }
  for (const fragment of fragments(API_KEY)) expect(seen.toLowerCase()).not.toContain(fragment);
};

describe('the key echoed back in any form never reaches a message, an output or a log', () => {
  it.each(Object.entries(ECHOES))(
    '%s, in an error page of the connection test',
    async (_name, echoed) => {
      standIn().on('GET /auth/test', page(400, `<p>Bad key: ${echoed} (end)</p>`));
      const outcome = await run(...TEST);
      expect(messageOf(outcome)).toMatch(new RegExp(`"Bad key: ${CENSORED} \\(end\\)"`));
      expectNeverSeen(outcome, echoed);
    },
  );

  it.each(Object.entries(ECHOES))('%s, in a JSON error of Send SMS', async (_name, echoed) => {
    standIn().on(
      'POST /send/single',
      json(400, { code: 400, message: `Key ${echoed} is not valid for route mglobal` }),
    );
    const outcome = await run(...SEND);
    expect(messageOf(outcome)).toMatch(
      new RegExp(`"Key ${CENSORED} is not valid for route mglobal"`),
    );
    expectNeverSeen(outcome, echoed);
  });

  it.each(Object.entries(ECHOES))(
    '%s, in a proxy’s 502 page on Find Opt-Out',
    async (_name, echoed) => {
      standIn().on(
        'GET /addressbook/optout',
        page(
          502,
          `<html><body><h1>502 Bad Gateway</h1><pre>Authorization: ${echoed}</pre></body></html>`,
        ),
      );
      const outcome = await run(...FIND);
      expect(messageOf(outcome)).toMatch(new RegExp(`Authorization: ${CENSORED}"`));
      expectNeverSeen(outcome, echoed);
    },
  );

  it.each([
    ['hex', hexOf(API_KEY)],
    ['base64 of the Bearer header', b64(`Bearer ${API_KEY}`)],
    ['split by a tag', `${API_KEY.slice(0, 8)}<wbr>${API_KEY.slice(8)}`],
  ])('%s, in the connection test’s success message (the output)', async (_name, echoed) => {
    standIn().on('GET /auth/test', json(200, { message: `API Key ${echoed} is valid` }));
    const outcome = await run(...TEST);
    expect(outcome.result).toMatchObject({ message: 'API Key :censored: is valid' });
    expectNeverSeen(outcome, echoed);
  });

  it.each([
    ['the key as sent, in hex', `“${API_KEY}”`, hexOf(API_KEY)],
    ['the key as sent, in a Basic header', ` ${API_KEY}\u200b`, b64(`user:${API_KEY}`)],
    ['the key as entered, quotes and all', `“${API_KEY}”`, `“${API_KEY}”`],
  ])('%s, for a key that was cleaned before sending', async (_name, raw, echoed) => {
    standIn().on('GET /auth/test', page(401, `<p>Bad key: ${echoed} (end)</p>`));
    const outcome = await run(...TEST, { api_key: raw });
    expect(messageOf(outcome)).toMatch(/"Bad key: :censored: \(end\)"/);
    expectNeverSeen(outcome, echoed);
  });
});

describe('an API Address is not quoted when it may hold a credential', () => {
  it.each([
    [
      'the connection’s own key, when it is short',
      'https://k3y9.example.com',
      { api_key: 'k3y9' },
      /looks like it contains an API key/,
    ],
    [
      'a long token that is not the key',
      'https://9f8e7d6c5b4a3210fedcba98.example.com/v1',
      {},
      /must be only https:\/\/ and the host name/,
    ],
  ])('%s', async (_name, address, authData, problem) => {
    const outcome = await run(...TEST, { api_url: address, ...authData });
    expect(JSON.parse(outcome.error!.message)).toMatchObject({ code: 'InvalidApiAddress' });
    const message = messageOf(outcome);
    expect(message).toMatch(problem);
    expect(message).not.toContain(new URL(address).hostname.split('.')[0]);
    expect(standIn().received).toEqual([]);
  });
});
