/** What the sandbox's handlers share: the request they get, error bodies, dates and paging. */

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export type Handler = (request: RecordedRequest) => {
  status: number;
  body?: unknown;
  html?: string;
};

/** A path's handlers by HTTP method. */
export type Route = Partial<Record<string, Handler>>;

export const error = (code: number, message: string) => ({ status: code, body: { code, message } });

/** §2.1: YYYY-MM-DD (00:00:00 UTC) or YYYY-MM-DDTHH:MM:SS+HHMM, the offset without a colon. */
export const parseMobivateDate = (text: string): number | undefined => {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?([+-])(\d{2})(\d{2}))?$/.exec(
      text,
    );
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', sign = '+', oh = '0', om = '0'] = match;
  const local = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s);
  const offset = (sign === '-' ? -1 : 1) * (+oh * 60 + +om) * 60_000;
  const millis = local - offset;
  return Number.isNaN(millis) ? undefined : millis;
};

const MAX_PAGE_SIZE = 1000;

/** The logs' timestamp form: 2023-07-01T01:10:34+0000 (§4.2). */
export const logTime = (millis: number) =>
  new Date(millis).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** Reads page and pageSize as the list endpoints do (§2.1, §4.1). */
export const readPaging = (query: Record<string, string>) => {
  const page = query.page === undefined ? 1 : Number(query.page);
  const pageSize = query.pageSize === undefined ? 10 : Number(query.pageSize);
  if (!Number.isInteger(page) || page < 1) return error(400, 'page: must be a positive integer');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return error(400, `pageSize: must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return { page, pageSize };
};

/** Reads the required startDate and endDate (§2.1). */
export const readWindow = (query: Record<string, string>) => {
  for (const name of ['startDate', 'endDate'] as const) {
    if (query[name] === undefined) return error(400, `${name}: may not be null`);
    if (parseMobivateDate(query[name]!) === undefined) {
      return error(400, `${name}: Invalid format: "${query[name]}"`);
    }
  }
  return { start: parseMobivateDate(query.startDate!)!, end: parseMobivateDate(query.endDate!)! };
};
