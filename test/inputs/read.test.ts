/**
 * The input readers every operation shares, alone (with core's own error classes) and through
 * zapier-platform-core's handler with nock asserting exactly what reaches Mobivate.
 */
import nock from 'nock';
import { errors, type ZObject } from 'zapier-platform-core';
import { readMessage, readSender } from '../../src/inputs/message';
import { readMobile } from '../../src/inputs/mobile';
import { readChoice } from '../../src/inputs/read';
import { describeCharacter, describeValue, quoteInput } from '../../src/common/text';
import { authData, mobivateScope } from '../helpers';
import { runMethod, userMessage } from '../runner';

const z = { errors } as unknown as ZObject;

/**
 * How a reader refused: core's AppError carries the message and code as JSON; a HaltedError (a bad
 * value of the record, docs/truthful-outcomes.md) has only its message.
 */
const refusal = (read: () => unknown): { name: string; message: string; code?: string } => {
  try {
    read();
  } catch (error) {
    const { name, message } = error as Error;
    if (name === 'HaltedError') return { name, message };
    return { name, ...(JSON.parse(message) as { message: string; code: string }) };
  }
  throw new Error('expected the reader to refuse');
};

const LONG = `+44 7700 900123 ${'and more '.repeat(710)}`.slice(0, 6400);

describe('quoteInput', () => {
  it('quotes a short input whole', () => {
    expect(quoteInput('+44 7700 900123')).toBe('"+44 7700 900123"');
    expect(quoteInput('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
  });

  it('quotes a long input by its first 60 characters and its length', () => {
    expect(quoteInput(LONG)).toBe(`"${LONG.slice(0, 60)}…" (6,400 characters)`);
    expect(quoteInput('y'.repeat(61))).toBe(`"${'y'.repeat(60)}…" (61 characters)`);
  });

  it('never cuts an emoji in half, and counts it as one character', () => {
    const text = `${'a'.repeat(59)}😀😀`;
    expect(quoteInput(text)).toBe(`"${'a'.repeat(59)}😀…" (61 characters)`);
  });
});

describe('describeValue and describeCharacter', () => {
  it.each([
    [['+447700900123', '+447700900456'], 'a list of 2 values (the first is "+447700900123")'],
    [['Hi'], 'a list of 1 value (the first is "Hi")'],
    [[], 'an empty list'],
    [true, 'true (a yes/no value)'],
    [false, 'false (a yes/no value)'],
    [{ number: '+447700900123', name: 'Jo' }, 'an object with the fields number, name'],
    [{}, 'an empty object'],
    [null, 'nothing'],
    [447700900123, '447700900123'],
  ])('describes %j as %s', (value, described) => {
    expect(describeValue(value)).toBe(described);
  });

  it.each([
    ['•', '"•" (U+2022)'],
    ['\u2019', '"\u2019" (U+2019)'],
    ['😀', '"😀" (U+1F600)'],
    ['\u200b', 'U+200B (zero-width space)'],
    ['\ufeff', 'U+FEFF (byte order mark)'],
    ['\u00a0', 'U+00A0 (non-breaking space)'],
    ['\u0007', 'U+0007 (an invisible character)'],
  ])('names %j as %s', (character, named) => {
    expect(describeCharacter(character)).toBe(named);
  });
});

describe('readChoice', () => {
  const read = (value: unknown) =>
    readChoice(z, 'If the Number Is Not Opted Out', value, ['continue', 'fail'], 'continue');

  it.each([
    ['fail', 'fail'],
    ['FAIL', 'fail'],
    [' Fail ', 'fail'],
    ['CONTINUE', 'continue'],
    ['', 'continue'],
    ['   ', 'continue'],
    [undefined, 'continue'],
    [null, 'continue'],
  ])('reads %j as %j', (value, expected) => {
    expect(read(value)).toBe(expected);
  });

  it('refuses an unknown value, naming the values allowed', () => {
    expect(refusal(() => read('stop'))).toEqual({
      name: 'AppError',
      code: 'InvalidChoice',
      message:
        'If the Number Is Not Opted Out "stop" cannot be used: choose one of "continue", "fail", or leave it empty for "continue".',
    });
  });

  it.each([
    [['fail'], 'a list of 1 value (the first is "fail")'],
    [true, 'true (a yes/no value)'],
  ])('refuses %j, saying what it received', (value, described) => {
    expect(refusal(() => read(value))).toMatchObject({
      code: 'InvalidChoice',
      message: `If the Number Is Not Opted Out cannot be used: it received ${described}, not one of "continue", "fail". Map a field that holds one of "continue", "fail".`,
    });
  });
});

describe('readers given something other than one text', () => {
  it.each([
    [['+447700900123', '+447700900456'], 'a list of 2 values (the first is "+447700900123")'],
    [true, 'true (a yes/no value)'],
    [{ mobile: '+447700900123' }, 'an object with the fields mobile'],
  ])('readMobile refuses %j', (value, described) => {
    expect(refusal(() => readMobile(z, 'To', value, undefined))).toEqual({
      name: 'HaltedError',
      message: `To cannot be used: it received ${described}, not one phone number. Map a field that holds one phone number.`,
    });
  });

  it('readMobile refuses a Default Country that is a list, instead of ignoring it', () => {
    // The Default Country is the Zap's setting, so an error (not a halt) with its own code.
    expect(refusal(() => readMobile(z, 'To', '07700 900123', ['GB', 'IE']))).toMatchObject({
      name: 'AppError',
      code: 'InvalidDefaultCountry',
      message: expect.stringMatching(/^Default Country cannot be used: it received a list of 2/),
    });
  });

  it('readSender and readMessage refuse lists and yes/no values', () => {
    expect(refusal(() => readSender(z, true))).toMatchObject({
      code: 'InvalidSender',
      message:
        'From (Sender ID) cannot be used: it received true (a yes/no value), not one sender ID. Map a field that holds one sender ID.',
    });
    expect(refusal(() => readMessage(z, ['Hello', 'there'], undefined))).toMatchObject({
      name: 'HaltedError',
      message:
        'Message cannot be used: it received a list of 2 values (the first is "Hello"), not one text. Map a field that holds one text.',
    });
  });

  it('readMessage refuses a yes/no Maximum Parts rather than read true as 1', () => {
    expect(refusal(() => readMessage(z, 'Hi', true))).toMatchObject({
      code: 'InvalidMaxParts',
      message: expect.stringMatching(/^Maximum Parts cannot be used: it received true/),
    });
    expect(readMessage(z, 'Hi', ' 2 ')).toMatchObject({ parts: 1 });
    expect(readMessage(z, 'Hi', 2)).toMatchObject({ parts: 1 });
  });

  it('keeps accepting numbers where a number is text', () => {
    expect(readMobile(z, 'To', 447700900123, undefined)).toBe('447700900123');
    expect(readSender(z, 447700900999)).toBe('447700900999');
    expect(readMessage(z, 1234, undefined)).toMatchObject({ text: '1234' });
  });
});

describe('long inputs are quoted short', () => {
  it.each([
    ['readMobile', () => readMobile(z, 'To', LONG, undefined)],
    ['readSender', () => readSender(z, LONG)],
    ['readMessage (Maximum Parts)', () => readMessage(z, 'Hi', LONG)],
  ])('%s quotes the first 60 characters and the length', (_reader, read) => {
    const { message } = refusal(read);
    expect(message).toContain(`"${LONG.slice(0, 60)}…" (6,400 characters) cannot be used`);
    expect(message.length).toBeLessThan(400);
  });

  it('readSender says what to enter', () => {
    expect(refusal(() => readSender(z, 'Acme Corporation')).message).toBe(
      'From (Sender ID) "Acme Corporation" cannot be used: an alphanumeric sender ID has at most 11 characters, and this one has 16. Enter a sender name of up to 11 letters and digits, or a number of up to 15 digits.',
    );
  });

  it('readMessage names an invisible character that makes a text Unicode', () => {
    const text = `${'a'.repeat(70)}\u200b`;
    expect(refusal(() => readMessage(z, text, 1)).message).toContain(
      'because of U+200B (zero-width space)',
    );
  });
});

describe('through zapier-platform-core', () => {
  const sms = { from: 'Acme', message: 'Hi' };
  const sent = (recipient: string) => ({
    id: 'm-1',
    originator: 'Acme',
    recipient,
    body: 'Hi',
    routeId: 'mglobal',
    reference: null,
    campaignId: null,
  });

  /** Expects Send SMS to post exactly this recipient, once. */
  const expectSend = (recipient: string) =>
    mobivateScope()
      .post('/send/single', (body: { recipient?: string }) => body.recipient === recipient)
      .reply(200, sent(recipient));

  it.each([
    // [To, Default Country, recipient sent]: international digits are never prefixed again.
    ['4915123456789', 'DE', '4915123456789'],
    ['33612345678', 'US', '33612345678'],
    ['61412345678', 'FR', '61412345678'],
    ['5511961234567', 'IN', '5511961234567'],
    ['919876543210', 'AU', '919876543210'],
    // Separators and invisible characters that copy and paste brings.
    ['+44\t7700\t900123', undefined, '447700900123'],
    ['+33\u00a06\u00a012\u00a034\u00a056\u00a078', undefined, '33612345678'],
    ['\u200b+61\u2013412\u2013345\u2013678', undefined, '61412345678'],
    ["'14155550132", undefined, '14155550132'],
    ['tel:+49-151-12345678', undefined, '4915112345678'],
    ['07700 900123', 'uk', '447700900123'],
  ])('Send SMS to %j with Default Country %j sends %s', async (to, country, recipient) => {
    expectSend(recipient);
    const outcome = await runMethod('creates.send_sms.operation.perform', {
      authData: authData(),
      inputData: { ...sms, to, default_country: country },
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.result).toMatchObject({ recipient });
  });

  it('Add Opt-Out sends international digits as typed with another Default Country', async () => {
    mobivateScope()
      .post('/addressbook/optout', { mobile: '61412345678' })
      .reply(200, { mobile: '61412345678', note: 'API', created: Date.now() });
    const outcome = await runMethod('creates.add_optout.operation.perform', {
      authData: authData(),
      inputData: { mobile: '61412345678', default_country: 'GB' },
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.result).toMatchObject({ mobile: '61412345678' });
  });

  it.each([
    [
      'Delete Opt-Out: digits that could be Indian or British',
      'creates.delete_optout.operation.perform',
      { mobile: '447700900456', default_country: 'IN' },
      'Mobile Number "447700900456" cannot be used: it could be read two ways: dialled in IN, +91 447700900456, or as international digits, +44 7700 900456. Write it with + and the country code, so that it is clear which.',
    ],
    [
      'Add Opt-Out: digits that could be German or French',
      'creates.add_optout.operation.perform',
      { mobile: '33612345678', default_country: 'DE' },
      'Mobile Number "33612345678" cannot be used: it could be read two ways: dialled in DE, +49 3361 2345678, or as international digits, +33 6 12 34 56 78. Write it with + and the country code, so that it is clear which.',
    ],
    [
      'Send SMS: a national-looking number without a Default Country',
      'creates.send_sms.operation.perform',
      { ...sms, to: '7911 123456', if_not_sent: 'stop' },
      'To "7911 123456" cannot be used: it has no +, and read as international digits (+7 911123456), it is too short for a phone number with country code +7. If it is a national number, choose a Default Country; if not, write it with + and the country code, like +44 7700 900123.',
    ],
    [
      'Send SMS: a bullet among the digits',
      'creates.send_sms.operation.perform',
      { ...sms, to: '+44 7700 9001\u20223', if_not_sent: 'stop' },
      'To "+44 7700 9001\u20223" cannot be used: it contains "\u2022" (U+2022), which is not part of a phone number. Remove it (use only digits, spaces, +, -, . and brackets).',
    ],
    [
      'Send SMS: a list of numbers in To',
      'creates.send_sms.operation.perform',
      { ...sms, to: ['+447700900123', '+447700900456'], if_not_sent: 'stop' },
      'To cannot be used: it received a list of 2 values (the first is "+447700900123"), not one phone number. Map a field that holds one phone number.',
    ],
    [
      'Send SMS: a yes/no value in From',
      'creates.send_sms.operation.perform',
      { ...sms, to: '+447700900123', from: true },
      'From (Sender ID) cannot be used: it received true (a yes/no value), not one sender ID. Map a field that holds one sender ID.',
    ],
    [
      'Add Opt-Out: a 6,400-character input',
      'creates.add_optout.operation.perform',
      { mobile: LONG },
      `Mobile Number "${LONG.slice(0, 60)}…" (6,400 characters) cannot be used: it contains characters that are not part of a phone number (use only digits, spaces, +, -, . and brackets). Write it with + and the country code, like +44 7700 900123.`,
    ],
  ])('%s: refused before any request', async (_case, method, inputData, message) => {
    // Send SMS halts on such a number only when asked (If the Text Is Not Sent: stop, issue 22).
    // No interceptor is set up, so any request at all is a "no match" (setup.ts also fails on it).
    const requests: unknown[] = [];
    const record = (request: unknown) => requests.push(request);
    nock.emitter.on('no match', record);
    try {
      const outcome = await runMethod(method, { authData: authData(), inputData });
      expect(outcome.error).toBeDefined();
      expect(userMessage(outcome.error as Error).message).toBe(message);
      expect(requests).toEqual([]);
    } finally {
      nock.emitter.removeListener('no match', record);
    }
  });
});
