/**
 * The alias of a contact: one name, never something that a list of aliases would read as two.
 */
import { errors, type ZObject } from 'zapier-platform-core';
import { readAlias } from '../../src/inputs/contact';

const z = { errors } as unknown as ZObject;

const halt = (read: () => unknown): { name: string; message: string } => {
  try {
    read();
  } catch (error) {
    const { name, message } = error as Error;
    return { name, message };
  }
  throw new Error('expected readAlias to refuse');
};

const SEPARATES =
  'which separates aliases in a list, so Send SMS to Contacts could not send to it. Use an alias without commas, semicolons and line breaks, like smith-john.';

describe('readAlias', () => {
  it.each([
    [' jane-doe ', 'jane-doe'],
    ['Smith John', 'Smith John'],
    ['o’brien.j', 'o’brien.j'],
    [12345, '12345'],
  ])('reads %j as %j', (value, alias) => {
    expect(readAlias(z, value, true)).toBe(alias);
  });

  it.each([[undefined], [null], [''], ['   ']])('reads %j as no alias when optional', (value) => {
    expect(readAlias(z, value, false)).toBeUndefined();
  });

  it.each([
    ['Smith, John', '"Smith, John"', 'a comma'],
    ['smith,john', '"smith,john"', 'a comma'],
    ['Smith; John', '"Smith; John"', 'a semicolon'],
    ['Smith\nJohn', '"Smith\nJohn"', 'a line break'],
    ['Smith\r\nJohn', '"Smith\r\nJohn"', 'a line break'],
    [' john, ', '"john,"', 'a comma'],
  ])('halts on %j, saying why', (value, quoted, what) => {
    for (const required of [true, false]) {
      expect(halt(() => readAlias(z, value, required))).toEqual({
        name: 'HaltedError',
        message: `Alias ${quoted} cannot be used: it holds ${what}, ${SEPARATES}`,
      });
    }
  });

  it('halts on an empty required alias and on one that is not text', () => {
    expect(halt(() => readAlias(z, ' ', true))).toEqual({
      name: 'HaltedError',
      message: 'Alias is empty. Map or type the contact’s alias.',
    });
    expect(halt(() => readAlias(z, ['Smith', 'John'], false))).toEqual({
      name: 'HaltedError',
      message:
        'Alias cannot be used: it received a list of 2 values (the first is "Smith"), not one name. Map a field that holds one name.',
    });
  });
});
