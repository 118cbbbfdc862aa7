import type { LoggedMessage } from '../mobivate';

/**
 * What a message's status means, the one rule for New Delivery Status and Find Message: a sentence
 * for people, whether it is final (delivered or failed) and whether it is a failure. The words are
 * each API's own table (src/mobivate/bulksms/statuses.ts, src/mobivate/vortex/statuses.ts).
 */
export const statusMeaningOutput = ({
  status,
  statusMeaning,
}: Pick<LoggedMessage, 'status' | 'statusMeaning'>) => {
  const word = status?.trim();
  return {
    // No status yet: nothing to describe.
    status_description: word
      ? (statusMeaning?.description ?? `${word} (a status not in the documented list)`)
      : null,
    // An unknown status is passed on as neither final nor a failure.
    is_final: statusMeaning?.final ?? false,
    is_failure: statusMeaning?.failure ?? false,
  };
};

export const statusMeaningOutputFields = [
  { key: 'status_description', label: 'Status Description', type: 'string' },
  { key: 'is_final', label: 'Is Final (Delivered or Failed)', type: 'boolean' },
  { key: 'is_failure', label: 'Is a Failure', type: 'boolean' },
] as const;
