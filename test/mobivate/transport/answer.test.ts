import {
  decodeBody,
  readAnswer,
  statedError,
  type ReceivedAnswer,
} from '../../../src/mobivate/transport/answer';

describe('the error a body states', () => {
  it.each([
    [
      { code: 404, message: 'Not found' },
      { message: 'Not found', code: 404 },
    ],
    [
      { error: 'API Key is not permitted (read:Optouts)' },
      { message: 'API Key is not permitted (read:Optouts)', code: undefined },
    ],
    [
      { success: false, error: { message: 'Bad msisdn', code: '400' } },
      { message: 'Bad msisdn', code: 400 },
    ],
    [
      { timestamp: 't', status: 404, error: 'Not Found', path: '/x' },
      { message: 'Not Found', code: 404 },
    ],
    // Words are trimmed; a blank one gives way to the next place words may be.
    [{ message: '  Boom  ' }, { message: 'Boom', code: undefined }],
    [
      { message: '   ', error: 'Second' },
      { message: 'Second', code: undefined },
    ],
    [
      { message: 'First', error: 'Second' },
      { message: 'First', code: undefined },
    ],
    [{ error: { error: 'Inner words' } }, { message: 'Inner words', code: undefined }],
    [{ error: { description: 'Described' } }, { message: 'Described', code: undefined }],
    [{ error: { message: ' ', error: 'Inner' } }, { message: 'Inner', code: undefined }],
    // Lists and maps of errors: the first one, with its field's name.
    [{ errors: ['first', 'second'] }, { message: 'first', code: undefined }],
    [{ errors: [{ message: 'm1' }, { message: 'm2' }] }, { message: 'm1', code: undefined }],
    [{ errors: [{ detail: 'd1' }] }, { message: 'd1', code: undefined }],
    [{ errors: [{ message: '', detail: 'd2' }] }, { message: 'd2', code: undefined }],
    [
      { errors: { name: ['has already been taken'] } },
      { message: 'name has already been taken', code: undefined },
    ],
    [{ errors: { name: 'is required' } }, { message: 'name is required', code: undefined }],
    [
      { errors: [42], detail: 'After' },
      { message: 'After', code: undefined },
    ],
    [
      { errors: {}, detail: 'After' },
      { message: 'After', code: undefined },
    ],
    [
      { errors: 'words', detail: 'After' },
      { message: 'After', code: undefined },
    ],
    [
      { errors: { name: [7] }, detail: 'After' },
      { message: 'After', code: undefined },
    ],
    [{ detail: 'Not authenticated' }, { message: 'Not authenticated', code: undefined }],
    // Codes: an integer from 400 to 599, or three digits as text; the body's own code first.
    [{ code: ' 404 ' }, { message: undefined, code: 404 }],
    [{ code: 400 }, { message: undefined, code: 400 }],
    [{ code: 599 }, { message: undefined, code: 599 }],
    [
      { code: 401, error: { code: 402 }, status: 403 },
      { message: undefined, code: 401 },
    ],
    [
      { error: { code: 402 }, status: 403 },
      { message: undefined, code: 402 },
    ],
    [
      { code: 399, status: 503 },
      { message: undefined, code: 503 },
    ],
    [
      { code: 600, message: 'x' },
      { message: 'x', code: undefined },
    ],
    [
      { code: 404.5, message: 'x' },
      { message: 'x', code: undefined },
    ],
    [
      { code: '4040', message: 'x' },
      { message: 'x', code: undefined },
    ],
    [
      { code: '40a', message: 'x' },
      { message: 'x', code: undefined },
    ],
    // Text that JavaScript would read as a number is not three digits.
    [
      { code: '+404', message: 'x' },
      { message: 'x', code: undefined },
    ],
    [
      { code: '404.0', message: 'x' },
      { message: 'x', code: undefined },
    ],
    [
      { code: '4e2', message: 'x' },
      { message: 'x', code: undefined },
    ],
    [
      { code: '0x190', message: 'x' },
      { message: 'x', code: undefined },
    ],
  ])('of %j is %j', (body, stated) => {
    expect(statedError(body)).toEqual(stated);
  });

  it.each([[null], ['Not Found'], [[{ message: 'in a list' }]], [{}], [{ ok: 1, code: 200 }]])(
    'of %j is none',
    (body) => {
      expect(statedError(body)).toBeUndefined();
    },
  );
});

const received = (status: number, content: string, extra: Partial<ReceivedAnswer> = {}) =>
  readAnswer({
    method: 'POST',
    url: 'https://h.example/send/single?x=1',
    status,
    content,
    ...extra,
  });

describe('reading an answer', () => {
  it.each([
    [200, '{"success":false,"error":"Nope"}', 400],
    [200, '{"success":false,"error":"not permitted (create:SingleSMS)"}', 403],
    [200, '{"success":false}', 400],
    [299, '{"success":false}', 400],
    [201, '{"code":"402","message":"Insufficient funds"}', 402],
    [200, '{"code":"500"}', 500],
    [200, '\uFEFF{"id":"x"}', 200],
    [200, '{"code":200,"message":"OK"}', 200],
    // A body that claims no success and carries no record fails by its error, errors or status.
    [200, '{"error":"Invalid API key"}', 400],
    [200, '{"error":{"message":"Invalid API key"}}', 400],
    [200, '{"errors":["Invalid API key"]}', 400],
    [200, '{"errors":{"key":["is invalid"]}}', 400],
    [200, '{"status":401,"error":"Unauthorized"}', 401],
    [200, '{"status":"503"}', 503],
    [200, '{"status":" FAILED ","message":"x"}', 400],
    [200, '{"status":"fail"}', 400],
    [200, '{"status":"denied"}', 400],
    [200, '{"status":"unauthorised"}', 400],
    // …but not by an empty error, a record, a stated success, or a status that is not a failure.
    [200, '{"error":"","errors":[],"message":"ok"}', 200],
    [200, '{"error":"  ","errors":{}}', 200],
    [200, '{"error":{}}', 200],
    [200, '{"error":null,"errors":null}', 200],
    [200, '{"success":true,"error":"Template not found"}', 200],
    [200, '{"id":"m-1","error":"x"}', 200],
    [200, '{"record":{"id":"m-1"},"errors":["x"]}', 200],
    [200, '{"status":"failing"}', 200],
    [200, '{"status":"no error"}', 200],
    [200, '{"status":"ok","code":"abc"}', 200],
    [200, '{"status":200}', 200],
    [200, '[{"error":"in a list"}]', 200],
    [200, 'not json', 200],
    // Only a 2xx is read as failing by its body: a redirect's stays a redirect.
    [300, '{"success":false}', 300],
    [302, '{"error":"Moved"}', 302],
  ])('a %i with %s has the status %i', (status, content, effective) => {
    expect(received(status, content)).toMatchObject({
      status: effective,
      httpStatus: status,
      request: 'POST /send/single',
    });
  });

  it('states the error of an answer that failed, and of no other', () => {
    expect(received(404, '{"message":"Unknown optout"}').error).toEqual({
      message: 'Unknown optout',
      code: undefined,
    });
    expect(received(400, '{"code":"400"}').error).toEqual({ message: undefined, code: 400 });
    expect(received(200, '{"id":"m-1","message":"Queued"}').error).toBeUndefined();
    expect(received(399, '{"message":"x"}').error).toBeUndefined();
  });

  it('keeps the body, the redirect target and Retry-After as they came', () => {
    const answer = received(503, 'Busy', { retryAfter: '30', location: 'https://x.example/y' });
    expect(answer).toEqual({
      status: 503,
      httpStatus: 503,
      data: undefined,
      content: 'Busy',
      request: 'POST /send/single',
      error: undefined,
      retryAfter: '30',
      location: 'https://x.example/y',
    });
  });

  it('names the request by method and path, never the host or the query', () => {
    const answer = readAnswer({
      method: 'GET',
      url: 'https://user:secret@h.example:8443/v1/optouts?key=secret#x',
      status: 200,
      content: '[]',
    });
    expect(answer.request).toBe('GET /v1/optouts');
  });

  it('reads JSON behind a byte-order mark', () => {
    expect(received(200, '\uFEFF[1]').data).toEqual([1]);
    expect(received(200, 'x\uFEFF[1]').data).toBeUndefined();
    // Only the mark in front: one inside the text is part of it.
    expect(received(200, '{"id":"a\uFEFFb"}').data).toEqual({ id: 'a\uFEFFb' });
  });
});

describe('decoding a body', () => {
  const latin1 = Uint8Array.from([0x6d, 0x2d, 0xe9]); // "m-é" in ISO-8859-1
  const utf8 = new TextEncoder().encode('m-é');

  it.each([
    ['application/json; charset=iso-8859-1', latin1, 'm-é'],
    ['application/json;charset="ISO-8859-1"', latin1, 'm-é'],
    ['text/plain; Charset = latin1 ; format=flowed', latin1, 'm-é'],
    ['application/json; charset=utf-8', utf8, 'm-é'],
    ['application/json', utf8, 'm-é'],
    [null, utf8, 'm-é'],
    [undefined, utf8, 'm-é'],
    // A character set this runtime does not know: UTF-8, not an error.
    ['application/json; charset=x-made-up', utf8, 'm-é'],
  ])('with Content-Type %s', (contentType, bytes, expected) => {
    expect(decodeBody(bytes, contentType)).toBe(expected);
  });
});
