import { isGenericMessage, readAnswer, statedError } from '../../../src/mobivate/http/answer';

describe('reading an answer', () => {
  it.each([
    ['HTTP 404 Not Found', true],
    ['Error 405: Method Not Allowed', true],
    ['Not Found.', true],
    ['Cannot DELETE /optout', true],
    ['No route found for "DELETE /addressbook/optout"', true],
    ['404 Mobile number not found in optout list', false],
    ['Mobile number not found in optout list', false],
    ['Message AB12 does not exist', false],
  ])('%j is generic: %s', (message, generic) => {
    expect(isGenericMessage(message)).toBe(generic);
  });

  it.each([
    [
      { code: 404, message: 'Not found' },
      { message: 'Not found', code: 404, generic: true },
    ],
    [
      { error: 'API Key is not permitted (read:Optouts)' },
      { message: 'API Key is not permitted (read:Optouts)', code: undefined, generic: false },
    ],
    [
      { success: false, error: { message: 'Bad msisdn', code: '400' } },
      { message: 'Bad msisdn', code: 400, generic: false },
    ],
    [
      { timestamp: 't', status: 404, error: 'Not Found', path: '/x' },
      { message: 'Not Found', code: 404, generic: true },
    ],
  ])('states the error of %j', (body, stated) => {
    expect(statedError(body)).toEqual(stated);
  });

  it.each([
    [200, '{"success":false,"error":"Nope"}', 400],
    [200, '{"success":false,"error":"not permitted (create:SingleSMS)"}', 403],
    [201, '{"code":"402","message":"Insufficient funds"}', 402],
    [200, '\uFEFF{"id":"x"}', 200],
    [200, '{"code":200,"message":"OK"}', 200],
  ])('a %i with %s has the status %i', (status, content, effective) => {
    const answer = readAnswer({
      method: 'POST',
      url: 'https://h.example/send/single?x=1',
      status,
      content,
    });
    expect(answer).toMatchObject({
      status: effective,
      httpStatus: status,
      request: 'POST /send/single',
    });
  });

  it('reads JSON behind a byte-order mark', () => {
    expect(
      readAnswer({ method: 'GET', url: 'https://h.example/a', status: 200, content: '\uFEFF[1]' })
        .data,
    ).toEqual([1]);
  });
});
