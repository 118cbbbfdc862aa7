import type { MobivateApi } from '../types';
import { connection } from './connection';
import { messageLog } from './message-log';
import { messages } from './messages';
import { optOuts } from './optouts';

/** Mobivate's current API, "Vortex" (docs/mobivate-api.md §V1–§V8), at the address Mobivate gives. */
export const api: MobivateApi = { connection, optOuts, messages, messageLog };
