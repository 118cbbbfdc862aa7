/**
 * The recipients of Send Batch SMS and Send Template Campaign, read before any request: lists split
 * without separating a number from its extension, and Personalized Recipients read tolerantly.
 */
import { errors, type ZObject } from 'zapier-platform-core';
import { collectRecipients, refuseUnusable, splitList } from '../../src/inputs/recipients';

const z = { errors } as unknown as ZObject;

const collect = (inputs: Partial<Parameters<typeof collectRecipients>[0]>) =>
  collectRecipients({
    recipients: undefined,
    message: 'Hi',
    lineItems: undefined,
    defaultCountry: undefined,
    excludeDuplicates: true,
    ...inputs,
  });

const EXTENSION = (digits: string) =>
  `it has an extension (${digits}), which a text message cannot reach. Map the number without its extension`;

describe('splitList', () => {
  it.each([
    ['+447700900123, +447700900456', ['+447700900123', '+447700900456']],
    [
      '+447700900123;+447700900456\n+447700900789',
      ['+447700900123', '+447700900456', '+447700900789'],
    ],
    [' , ;\n', []],
    [
      [' a ', 'b, c'],
      ['a', 'b', 'c'],
    ],
    [447700900123, ['447700900123']],
    [undefined, []],
    [null, []],
  ])('splits %j into %j', (value, pieces) => {
    expect(splitList(value)).toEqual(pieces);
  });

  it.each([
    // [the list, its entries]: a piece that is only an extension stays with the number before it.
    ['+1 (415) 555-0132, ext. 12', ['+1 (415) 555-0132, ext. 12']],
    ['+1 415 555 0132,ext 12', ['+1 415 555 0132,ext 12']],
    ['+1 415 555 0132; x12', ['+1 415 555 0132; x12']],
    ['+1 415 555 0132\nextension 12', ['+1 415 555 0132\nextension 12']],
    ['+1 415 555 0132, #12', ['+1 415 555 0132, #12']],
    ['+1 415 555 0132, EXTN. 7, +447700900123', ['+1 415 555 0132, EXTN. 7', '+447700900123']],
    ['+1 415 555 0132, , Ext.12', ['+1 415 555 0132, , Ext.12']],
    ['+1 415 555 0132, Ext: 12', ['+1 415 555 0132, Ext: 12']],
    [
      ['+1 415 555 0132, x 9', '+447700900123'],
      ['+1 415 555 0132, x 9', '+447700900123'],
    ],
  ])('keeps the extension in %j with its number', (value, pieces) => {
    expect(splitList(value)).toEqual(pieces);
  });

  it.each([
    // Not only an extension: split as before.
    ['+1 415 555 0132, 12', ['+1 415 555 0132', '12']],
    ['+1 415 555 0132, ext', ['+1 415 555 0132', 'ext']],
    ['+1 415 555 0132, ext 12 please', ['+1 415 555 0132', 'ext 12 please']],
    ['+1 415 555 0132, next 12', ['+1 415 555 0132', 'next 12']],
    ['+1 415 555 0132, ext 12a', ['+1 415 555 0132', 'ext 12a']],
    // An extension with nothing before it in its entry has no number to stay with.
    ['ext. 12, +447700900123', ['ext. 12', '+447700900123']],
    [
      ['+447700900123', 'ext. 12'],
      ['+447700900123', 'ext. 12'],
    ],
  ])('splits %j at every separator', (value, pieces) => {
    expect(splitList(value)).toEqual(pieces);
  });
});

describe('collectRecipients', () => {
  it.each([
    ['+1 (415) 555-0132, ext. 12', '12'],
    ['+1 (415) 555-0132,x12', '12'],
    ['+1 (415) 555-0132; extension 345', '345'],
    ['+1 (415) 555-0132\n#7', '7'],
  ])('refuses %j as a number with an extension, as Send SMS does', (recipients, digits) => {
    const collected = collect({ recipients: [recipients, '+447700900123'] });
    expect(collected).toEqual({
      given: 2,
      recipients: [{ recipient: '447700900123', text: 'Hi', reference: undefined }],
      invalid: [`Recipient 1 ('${recipients}'): ${EXTENSION(digits)}`],
      duplicates: [],
      // Each skip is also counted by its reason, for the step's summary (issue 22).
      reasons: { 'not a valid number': 1 },
    });
  });

  it.each([
    ['7700900123.0', 'GB', '.0'],
    ['+61412345678.0', undefined, '.0'],
    ['447700900123.00', undefined, '.00'],
    [447700900123.5, undefined, '.5'],
  ])('refuses %j (a decimal part) in a list', (recipient, country, decimal) => {
    const collected = collect({ recipients: [recipient], defaultCountry: country });
    expect(collected.recipients).toEqual([]);
    expect(collected.invalid).toEqual([
      `Recipient 1 ('${recipient}'): it ends in a decimal part ("${decimal}"), the way spreadsheets and code steps write numbers, and reading it as more digits would change the number. Map the number without it: in a spreadsheet, format the column as plain text or as a number with no decimal places; in a code step, output the number as text`,
    ]);
  });

  it('refuses a decimal part in a personalized recipient given as a number', () => {
    const collected = collect({ lineItems: [{ line_recipient: 61412345678.25 }] });
    expect(collected.recipients).toEqual([]);
    expect(collected.invalid).toEqual([
      expect.stringMatching(
        /^Recipient 1 \('61412345678\.25'\): it ends in a decimal part \("\.25"\)/,
      ),
    ]);
  });

  describe('Personalized Recipients', () => {
    const WHAT =
      'not a list of recipients. Map line items into it (one recipient each, with its own fields), or leave it empty and map the numbers into Recipients.';

    it.each([
      ['+447700900123', '"+447700900123"'],
      [{ line_recipient: '+447700900123' }, 'an object with the fields line_recipient'],
      [447700900123, '447700900123'],
      [true, 'true (a yes/no value)'],
    ])('refuses %j whole, saying what arrived', (lineItems, described) => {
      const collected = collect({ recipients: ['+447700900456'], lineItems });
      const problem = `Nothing was sent: Personalized Recipients received ${described}, ${WHAT}`;
      expect(collected.problem).toBe(problem);
      // Halts before any request, even with usable recipients beside it.
      expect(() => refuseUnusable(z, collected, {})).toThrow(new errors.HaltedError(problem));
    });

    it.each([[undefined], [null], [''], ['  '], [[]], [[null, undefined, '', {}]]])(
      'reads %j as no personalized recipients',
      (lineItems) => {
        const collected = collect({ recipients: '+447700900456', lineItems });
        expect(collected).toEqual({
          given: 1,
          recipients: [{ recipient: '447700900456', text: 'Hi', reference: undefined }],
          invalid: [],
          duplicates: [],
          reasons: {},
        });
      },
    );

    it('reads each element that is not a line item as a recipient that cannot be used', () => {
      const collected = collect({
        lineItems: [
          '+447700900123',
          { line_recipient: '+447700900456', line_message: 'Hello' },
          ['+447700900789'],
          7,
        ],
      });
      const not =
        'here, not a recipient with its own fields. Map line items into Personalized Recipients, or numbers into Recipients';
      expect(collected).toEqual({
        given: 4,
        recipients: [{ recipient: '447700900456', text: 'Hello', reference: undefined }],
        invalid: [
          `Recipient 1: Personalized Recipients holds "+447700900123" ${not}`,
          `Recipient 3: Personalized Recipients holds a list of 1 value (the first is "+447700900789") ${not}`,
          `Recipient 4: Personalized Recipients holds 7 ${not}`,
        ],
        duplicates: [],
        reasons: { 'not a recipient (Personalized Recipients held something else)': 3 },
      });
      expect(() => refuseUnusable(z, collected, {})).not.toThrow();
      expect(refuseUnusable(z, collected, {})).toEqual(collected.invalid);
      expect(() => refuseUnusable(z, collected, { invalid_recipients: 'fail' })).toThrow(
        /^\{"message":"Nothing was sent: 3 of 4 recipients cannot be used\. Recipient 1: /,
      );
    });
  });
});
