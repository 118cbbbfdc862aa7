import type { Generation } from '../generation';
import { connection } from './connection';
import { messageLog } from './message-log';
import { messages } from './messages';
import { optOuts } from './optouts';

/** Mobivate's BulkSMS API (api.mobivatebulksms.com, docs/mobivate-api.md §0–§9). */
export const bulkSms: Generation = {
  capabilities: { api: 'bulksms', addressBook: false, incomingMessages: true, routes: true },
  connection,
  optOuts,
  messages,
  messageLog,
};
