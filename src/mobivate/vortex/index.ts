import type { Generation } from '../generation';
import { campaigns } from './campaigns';
import { connection } from './connection';
import { contacts } from './contacts';
import { groups } from './groups';
import { messageLog } from './message-log';
import { messages } from './messages';
import { optOuts } from './optouts';

/** Mobivate's current API, "Vortex" (docs/mobivate-api.md §V1–§V8), at the address Mobivate gives. */
export const vortex: Generation = {
  capabilities: { api: 'vortex', addressBook: true, incomingMessages: false, routes: false },
  connection,
  optOuts,
  messages,
  messageLog,
  groups,
  campaigns,
  contacts,
};
