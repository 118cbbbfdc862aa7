import type { LoggedMessage, ScanResult } from '../types';

/**
 * What a scan of the message log says about messages with a reference (Find Message by
 * reference, the duplicate check of sends): the matches, or that none exists, only when that
 * follows from what was read. Unknown when the scan stopped early, a record could not be read,
 * or records carry no reference field at all (Vortex's documented history shape, §9 #25): any of
 * those may hide a match. One rule for every reader (docs/truthful-outcomes.md).
 */
export type ReferenceVerdict =
  | { known: true; matches: LoggedMessage[] }
  | {
      known: false;
      why: 'no-references' | 'some-without-references' | 'unreadable' | 'incomplete';
      read: number;
      /** Records without a reference field. */
      without: number;
      skipped: number;
      requests: number;
    };

export const referenceVerdict = (
  scan: ScanResult<LoggedMessage>,
  isMatch: (message: LoggedMessage) => boolean,
): ReferenceVerdict => {
  const matches = scan.items.filter(isMatch);
  if (matches.length > 0) return { known: true, matches };
  const without = scan.items.filter((message) => !message.carriesReference).length;
  const counts = {
    read: scan.items.length,
    without,
    skipped: scan.skipped.length,
    requests: scan.requests,
  };
  if (without > 0) {
    const why = without === scan.items.length ? 'no-references' : 'some-without-references';
    return { known: false, why, ...counts };
  }
  if (!scan.complete) return { known: false, why: 'incomplete', ...counts };
  if (scan.skipped.length > 0) return { known: false, why: 'unreadable', ...counts };
  return { known: true, matches: [] };
};
