import { smsParts } from '../../src/inputs/sms-parts';

const gsm = (n: number) => 'a'.repeat(n);
const ucs = (n: number) => 'Ж'.repeat(n);

describe('smsParts', () => {
  it.each([
    ['', 'GSM-7', 1],
    [gsm(1), 'GSM-7', 1],
    [gsm(160), 'GSM-7', 1],
    [gsm(161), 'GSM-7', 2],
    [gsm(306), 'GSM-7', 2],
    [gsm(307), 'GSM-7', 3],
    [gsm(459), 'GSM-7', 3],
    [gsm(460), 'GSM-7', 4],
    [ucs(70), 'UCS-2', 1],
    [ucs(71), 'UCS-2', 2],
    [ucs(134), 'UCS-2', 2],
    [ucs(135), 'UCS-2', 3],
    [ucs(201), 'UCS-2', 3],
    [ucs(202), 'UCS-2', 4],
  ])('%#: %i characters', (text, encoding, parts) => {
    expect(smsParts(text)).toMatchObject({ encoding, parts });
  });

  it('counts GSM extension characters as two septets', () => {
    expect(smsParts('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, parts: 1 });
    expect(smsParts(`${'€'.repeat(80)}a`)).toMatchObject({ units: 161, parts: 2 });
  });

  it('never splits an escape pair across parts', () => {
    // 152 septets, then a two-septet € that does not fit in the first part's 153.
    expect(smsParts(`${gsm(152)}€${gsm(152)}`)).toMatchObject({ units: 306, parts: 3 });
    expect(smsParts(`${gsm(151)}€${gsm(153)}`)).toMatchObject({ units: 306, parts: 2 });
  });

  it('knows the GSM alphabet’s accented letters and symbols', () => {
    expect(smsParts('Ça coûte 5£ @ Zürich? ¡Sí! ÆØÅ§¿').encoding).toBe('UCS-2'); // û is not GSM
    expect(smsParts('Ca coute 5£ @ Zürich? ¡Sí! ÆØÅ§¿ é è ñ').encoding).toBe('UCS-2'); // í is not GSM
    expect(smsParts('Ca coute 5£ @ Zürich? ÆØÅ§¿ é è ñ Ä').encoding).toBe('GSM-7');
  });

  it('makes the whole text Unicode for one emoji or curly quote, and names it', () => {
    expect(smsParts('Thanks 😀')).toMatchObject({
      encoding: 'UCS-2',
      unicodeCharacter: '😀',
      units: 9,
    });
    expect(smsParts('It’s here')).toMatchObject({ encoding: 'UCS-2', unicodeCharacter: '’' });
  });

  it('never splits an emoji (a surrogate pair) across parts', () => {
    expect(smsParts(`${ucs(66)}😀${ucs(67)}`)).toMatchObject({ units: 135, parts: 3 });
    expect(smsParts(`${ucs(65)}😀${ucs(67)}`)).toMatchObject({ units: 134, parts: 2 });
  });
});
