/** Mobivate's words: the one table of what a message says, and the one rule for a 404. */
import { readAnswer } from '../../src/mobivate/transport/answer';
import { notThere, says, scopeIn } from '../../src/mobivate/words';

describe("says(message, 'generic')", () => {
  it.each([
    ['HTTP 404 Not Found', true],
    ['Error 405: Method Not Allowed', true],
    ['Not Found.', true],
    ['Cannot DELETE /optout', true],
    ['No route found for "DELETE /addressbook/optout"', true],
    [undefined, true],
    ['', true],
    ['404 Mobile number not found in optout list', false],
    ['Mobile number not found in optout list', false],
    ['Message AB12 does not exist', false],
  ])('%j is generic: %s', (message, generic) => {
    expect(says(message, 'generic')).toBe(generic);
  });
});

describe("says(message, 'contact-exists')", () => {
  it.each([
    'A contact with this alias already exists',
    'Duplicate msisdn',
    'alias must be unique',
    'Alias is not unique',
    'alias taken',
  ])('%j says the contact exists', (message) => expect(says(message, 'contact-exists')).toBe(true));

  it.each([
    undefined,
    '',
    'Bad Request',
    'msisdn is invalid',
    'Contact does not exist',
    "Group doesn't exist",
    'Contact not found',
  ])('%j does not', (message) => expect(says(message, 'contact-exists')).toBe(false));
});

describe("says(message, 'group-exists')", () => {
  it.each([
    'A group with this name already exists',
    'The name has already been taken.',
    'Duplicate group name',
    'Group name must be unique',
    'name taken',
  ])('%j says the group exists', (message) => expect(says(message, 'group-exists')).toBe(true));

  it.each([
    undefined,
    '',
    'Bad Request',
    'name is required',
    'Missing name: a name must be unique',
    'Group does not exist',
    'API Key is not permitted to perform this action. (create:Groups)',
  ])('%j does not', (message) => expect(says(message, 'group-exists')).toBe(false));
});

describe("says(message, 'duplicate-reference')", () => {
  it.each([
    'Duplicate reference: form-881 has already been used',
    'reference must be unique',
    'The reference has already been taken.',
    'Duplicate client reference',
    'Recipient reference not unique',
  ])('%j says the reference was used', (message) =>
    expect(says(message, 'duplicate-reference')).toBe(true),
  );

  it.each([
    undefined,
    '',
    'Duplicate recipient',
    'reference is required',
    'Invalid reference: must be unique text of at most 50 characters',
    'Reference not found',
    'Bad Request',
  ])('%j does not', (message) => expect(says(message, 'duplicate-reference')).toBe(false));
});

describe("says(message, 'already-listed')", () => {
  it.each(['Mobile number already opted out', 'Duplicate entry', 'Optout exists'])(
    '%j says the number is listed',
    (message) => expect(says(message, 'already-listed')).toBe(true),
  );
  it.each([
    'Route does not exist for this account',
    'Conflict',
    'Number is not already listed',
    'Campaign already exists',
  ])('%j does not', (message) => expect(says(message, 'already-listed')).toBe(false));
});

describe("says(message, 'opted-out', recipient)", () => {
  const recipient = '447700900123';
  it.each([
    'Recipient has opted out',
    'Recipient is opted out: 447700900123',
    'Recipient is opted out: 44XXXXXXXX',
    'The number 07700 900123 is on the opt-out list',
    'Number is on the optout list',
    'OPTED_OUT',
    'Unsubscribed recipient',
    '+44 7700 900123 has unsubscribed',
    // Short runs of digits are not phone numbers, whatever their separators.
    'Recipient is opted out (rule 4 - 1 - 2)',
    'Recipient 447700900123 is opted out since 12-05',
  ])('%j says this recipient opted out', (message) => {
    expect(says(message, 'opted-out', recipient)).toBe(true);
  });

  it.each([
    // A different number.
    'Recipient is opted out: 447700900999',
    'Recipient is opted out: +61 412 345 678',
    // About opting out, but not about this recipient's state.
    'marketing messages must include opt-out instructions',
    'Account suspended: too many recipients opted out this week',
    'Opt-out keyword STOP is reserved',
    '12 recipients have opted out today',
    'Recipients who opted out are excluded automatically',
    // About the key.
    'API Key is not permitted to perform this action. (create:SingleSMS)',
    'No permission to send to opted out numbers',
    'Forbidden',
  ])('%j does not', (message) => {
    expect(says(message, 'opted-out', recipient)).toBe(false);
  });
});

describe("says(message, 'key-refused')", () => {
  it.each(['API Key is invalid', 'Access denied', 'Key expired', 'API key not recognised'])(
    '%j refuses the key',
    (message) => expect(says(message, 'key-refused')).toBe(true),
  );
  it.each(['API Key is valid', 'OK', undefined])('%j does not', (message) =>
    expect(says(message, 'key-refused')).toBe(false),
  );
});

describe('scopeIn', () => {
  it('names the scope a message names', () => {
    expect(scopeIn('not permitted (read:Optouts)')).toBe('read:Optouts');
    expect(scopeIn('Forbidden')).toBeUndefined();
  });
});

describe('notThere: the one reading of a 404', () => {
  const answer = (status: number, content: string) =>
    readAnswer({ method: 'DELETE', url: 'https://h.example/x', status, content });

  it.each([
    '{"code":404,"message":"Mobile number not found in optout list"}',
    '{"success":false,"error":"Optout 447700900123 does not exist"}',
    '{"error":{"message":"No such contact"}}',
  ])('%s is Mobivate saying it is not there', (content) => {
    expect(notThere(answer(404, content))).toBe(true);
  });

  it.each([
    ['Spring', '{"timestamp":"2026-12-06T10:00:00Z","status":404,"error":"Not Found","path":"/x"}'],
    ['a bare message', '{"message":"Not Found"}'],
    ['a bare error', '{"error":"Not Found"}'],
    ['Express', '<!DOCTYPE html><html><body><pre>Cannot DELETE /x</pre></body></html>'],
    ['nginx', '<html><head><title>404 Not Found</title></head><body>nginx</body></html>'],
    ['an empty body', ''],
    ['a router', '{"message":"No route found for \\"DELETE /x\\""}'],
  ])('%s is not', (_name, content) => {
    expect(notThere(answer(404, content))).toBe(false);
  });

  it('holds only for a 404', () => {
    expect(notThere(answer(400, '{"message":"Mobile number not found"}'))).toBe(false);
  });
});
