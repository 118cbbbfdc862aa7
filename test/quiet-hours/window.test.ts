import {
  ALLOWED_HOURS_FORM,
  DEFAULT_ALLOWED_HOURS,
  formatAllowedHours,
  parseAllowedHours,
} from '../../src/quiet-hours/window';

const hours = (text: string | null | undefined) => {
  const result = parseAllowedHours(text);
  if ('problem' in result) throw new Error(result.problem);
  return formatAllowedHours(result.hours);
};

describe('Allowed Hours, as people type them', () => {
  it.each([
    ['8-21', '08:00-21:00'],
    ['8am-9pm', '08:00-21:00'],
    ['08:00-21:00', '08:00-21:00'],
    ['08:00–21:00', '08:00-21:00'],
    ['08:00 — 21:00', '08:00-21:00'],
    ['9:30-20:00', '09:30-20:00'],
    ['8 AM - 9 PM', '08:00-21:00'],
    ['8 a.m. to 9 p.m.', '08:00-21:00'],
    ['8.30-20.00', '08:30-20:00'],
    ['0830-2000', '08:30-20:00'],
    ['8h30-20h', '08:30-20:00'],
    ['12pm-1pm', '12:00-13:00'],
    ['12am-6am', '00:00-06:00'],
    ['9pm-12am', '21:00-24:00'],
    ['08:00-00:00', '08:00-24:00'],
    ['00:00-24:00', '00:00-24:00'],
    [' 7:05-21:55 ', '07:05-21:55'],
  ])('reads %p as %s', (text, expected) => {
    expect(hours(text)).toBe(expected);
  });

  it.each([undefined, null, '', '   '])('gives 08:00-21:00 for %p', (text) => {
    expect(hours(text)).toBe('08:00-21:00');
    expect(DEFAULT_ALLOWED_HOURS).toEqual({ start: 480, end: 1260 });
  });

  it.each([
    '21:00-08:00',
    '9-9',
    '09:00-09:00',
    '9pm-8am',
    '24:00-24:00',
    '8',
    '8-21-22',
    '25-26',
    '8:60-21:00',
    '13pm-14pm',
    '0am-9am',
    'mornings',
    '8:00am-',
    '-21:00',
  ])('refuses %p, showing the form expected', (text) => {
    expect(parseAllowedHours(text)).toEqual({
      problem: `${ALLOWED_HOURS_FORM}, not "${text.trim()}".`,
    });
  });

  it('names the form and both orders it accepts', () => {
    expect(ALLOWED_HOURS_FORM).toBe(
      'Allowed Hours must look like 08:00-21:00 (start before end, in 24-hour or am/pm form)',
    );
  });
});
