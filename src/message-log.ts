import type { Bundle, ZObject } from 'zapier-platform-core';
import { PATHS, readLoggedMessageRecord, type LoggedMessage } from './mobivate';
import { SCAN_LIMITS, scanList, type ScanResult } from './scan';

/** Reads the message log (§4.1) created in [start, end], optionally in one direction. */
export const scanMessageLog = (
  z: ZObject,
  bundle: Bundle,
  window: { start: number; end: number },
  options: { direction?: 'MO' | 'MT'; until?: (message: LoggedMessage) => boolean } = {},
  limits: { maxRequests: number; budgetMs: number } = SCAN_LIMITS,
): Promise<ScanResult<LoggedMessage>> =>
  scanList(
    z,
    bundle,
    {
      path: PATHS.messageLog,
      window,
      params: options.direction ? { direction: options.direction } : undefined,
      read: readLoggedMessageRecord,
      noun: 'message log record',
      key: (message) => message.id,
      expected: 'a list of message log records ([{"id", "created", …}])',
      until: options.until,
    },
    limits,
  );
