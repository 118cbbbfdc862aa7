/** Builders for the opt-out list endpoint in nock tests. */
import { mobivateScope } from './helpers';

export interface ListedRecord {
  id: number;
  mobile: string;
  note: string;
  created: number;
}

/** `count` distinct opt-outs, created one second apart from `from`, ids from `firstId`. */
export const listedOptOuts = (count: number, from: number, firstId = 1000): ListedRecord[] =>
  Array.from({ length: count }, (_, i) => ({
    id: firstId + i,
    mobile: `4477009${String(10000 + i).padStart(5, '0')}`,
    note: i % 2 ? 'API' : 'MO',
    created: from + i * 1000,
  }));

/** Expects GET /addressbook/optout for exactly this window and page, with the largest page size. */
export const expectListPage = (
  startDate: string,
  endDate: string,
  page: number,
  records: unknown[],
) =>
  mobivateScope()
    .get('/addressbook/optout')
    .query({ startDate, endDate, page: String(page), pageSize: '1000' })
    .reply(200, records);
