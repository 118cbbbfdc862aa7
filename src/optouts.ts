import { epochMillisToIso, type OptOutRecord } from './mobivate';

/** What every opt-out operation outputs for a record Mobivate returned. */
export const optOutOutput = (record: OptOutRecord) => ({
  mobile: record.mobile,
  note: record.note ?? null,
  created: record.created,
  created_at: epochMillisToIso(record.created),
});

export const optOutOutputFields = [
  { key: 'mobile', label: 'Mobile Number', type: 'string' },
  { key: 'note', label: 'Opt-Out Source Code', type: 'string' },
  { key: 'created', label: 'Opted Out At (Epoch Milliseconds)', type: 'number' },
  { key: 'created_at', label: 'Opted Out At', type: 'datetime' },
] as const;
