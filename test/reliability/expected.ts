/** What a fault-matrix run must end in: a success, or a Zapier error class and message. */
export type Expected =
  | { outcome: 'success' }
  | {
      outcome: 'AppError' | 'ExpiredAuthError' | 'ThrottledError' | 'HaltedError';
      message: RegExp;
    };

export const error = (
  outcome: Exclude<Expected['outcome'], 'success'>,
  message: RegExp,
): Expected => ({ outcome, message });

export const success: Expected = { outcome: 'success' };

/** A fault's name → what it means for one operation, where that differs from the usual. */
export type Special = Record<string, Expected>;

/** Sends: an unclear outcome is never repeated, and says so. */
export const SEND_FAULTS: Special = {
  '500': error('AppError', /HTTP 500 .*The message may or may not have been sent/),
  'broken gzip': error('AppError', /compressed but damaged.*may or may not have been sent/),
  'server never answers': error(
    'AppError',
    /did not answer within 12 seconds\. The message may or may not have been sent/,
  ),
};

/**
 * 404 bodies of web frameworks and proxies: none of them is Mobivate saying a thing is not there
 * (src/mobivate/words.ts, notThere), so no operation may read one as "not found".
 */
export const FRAMEWORK_404S: [name: string, body: string, type: string][] = [
  [
    'Spring',
    '{"timestamp":"2026-12-06T10:00:00.000+00:00","status":404,"error":"Not Found","path":"/x"}',
    'application/json',
  ],
  [
    'Express',
    '<!DOCTYPE html><html lang="en"><head><title>Error</title></head><body><pre>Cannot DELETE /x</pre></body></html>',
    'text/html',
  ],
  [
    'nginx',
    '<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>',
    'text/html',
  ],
  ['a bare message', '{"message":"Not Found"}', 'application/json'],
  ['a bare error', '{"error":"Not Found"}', 'application/json'],
];

export const frameworkFault = (name: string) => `404 from ${name}`;

/** The same expectation for every framework 404. */
export const onFramework404s = (expected: Expected): Special =>
  Object.fromEntries(FRAMEWORK_404S.map(([name]) => [frameworkFault(name), expected]));
