import { e164Field, e164Of, maybeE164Field, withE164Twins } from '../../src/outputs/phone';

describe('e164Of: the E.164 twin of a number Mobivate gave', () => {
  it.each([
    ['447700900123', '+447700900123'],
    ['+447700900123', '+447700900123'],
    ['+44 7700 900123', '+447700900123'],
    [' 44 7700\u00a0900123 ', '+447700900123'],
    // The international prefix: no country code starts with 0.
    ['00447700900123', '+447700900123'],
    ['0044 7700 900123', '+447700900123'],
    ['14155550132', '+14155550132'],
    // The shortest and longest plausible international numbers.
    ['6831234', '+6831234'],
    ['123456789012345', '+123456789012345'],
  ])('%j → %j', (value, twin) => {
    expect(e164Of(value)).toBe(twin);
  });

  it.each([
    // Sender IDs and short codes are not phone numbers.
    ['Acme'],
    ['ACME2024'],
    ['12345'],
    ['683123'],
    ['1234567890123456'],
    // A national number: its country is unknown, and "+0…" would be another number.
    ['07700 900123'],
    ['+07700900123'],
    ['+00447700900123'],
    ['000447700900123'],
    // Other characters are not read away: "2026-01-15" is a date, not +20260115.
    ['2026-01-15'],
    ['+44 (7700) 900123'],
    ['44-7700-900123'],
    ['4477009001.23'],
    ['+'],
    ['++447700900123'],
    [''],
    ['   '],
    [null],
    [undefined],
    [447700900123],
    [{ e164: '+447700900123' }],
  ])('%j → null', (value) => {
    expect(e164Of(value)).toBeNull();
  });

  it('never changes the digits it was given', () => {
    for (const digits of ['447700900123', '61412345678', '33612345678', '4915112345678']) {
      expect(e164Of(digits)?.slice(1)).toBe(digits);
      expect(e164Of(`+${digits}`)).toBe(`+${digits}`);
    }
  });
});

describe('withE164Twins', () => {
  it('puts each twin right after its number, and leaves the other keys as they are', () => {
    const output = withE164Twins(
      { id: 'm1', recipient: '447700900123', originator: 'Acme', body: 'Hi' },
      ['recipient', 'originator'],
    );
    expect(Object.entries(output)).toEqual([
      ['id', 'm1'],
      ['recipient', '447700900123'],
      ['recipient_e164', '+447700900123'],
      ['originator', 'Acme'],
      ['originator_e164', null],
      ['body', 'Hi'],
    ]);
  });

  it('gives an empty number an empty twin', () => {
    expect(withE164Twins({ recipient: null }, ['recipient'])).toEqual({
      recipient: null,
      recipient_e164: null,
    });
  });
});

describe('the twins’ output fields', () => {
  it('name the form', () => {
    expect(e164Field('mobile', 'Mobile Number')).toEqual({
      key: 'mobile_e164',
      label: 'Mobile Number (E.164, With +)',
      type: 'string',
    });
    expect(maybeE164Field('originator', 'From')).toEqual({
      key: 'originator_e164',
      label: 'From (E.164, With +; Empty When Not a Phone Number)',
      type: 'string',
    });
  });
});
