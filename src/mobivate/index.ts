/**
 * Mobivate's APIs behind one interface (types.ts). Section numbers (§2.1, §9 #1, §V7) in this
 * folder's comments refer to docs/mobivate-api.md, where each fact the code relies on is kept.
 */
import type { Bundle } from 'zapier-platform-core';
import { connection } from './bulksms/connection';
import { messageLog } from './bulksms/message-log';
import { messages } from './bulksms/messages';
import { optOuts } from './bulksms/optouts';
import { authDataOf } from './auth-data';
import type { ApiPlatform, MobivateApi } from './types';
import * as vortex from './vortex';

/** Mobivate's BulkSMS API (api.mobivatebulksms.com). */
const bulkSms: MobivateApi = { connection, optOuts, messages, messageLog };

const IMPLEMENTATIONS: Record<ApiPlatform, MobivateApi> = { bulksms: bulkSms, vortex: vortex.api };

/** The implementation of the API generation the connection uses (its "Mobivate API" field). */
export const mobivate = (bundle: Bundle): MobivateApi =>
  IMPLEMENTATIONS[authDataOf(bundle).api_platform];

export { NO_TIME } from './http/batch-outcome';
export { POLL_LIMITS, SCAN_LIMITS } from './http/paged-scan';
export { DAY_MS } from './types';
export type * from './types';
