import { readAnswer, statedError } from '../../../src/mobivate/transport/answer';

describe('reading an answer', () => {
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
