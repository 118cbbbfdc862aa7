/**
 * A local, in-memory stand-in for Mobivate's APIs, for `npm start`, the end-to-end tests and the
 * benchmark. It implements the documented requests, answers, status codes and error bodies
 * (docs/mobivate-api.md), for the BulkSMS API or, on request, the Vortex API (routes/vortex*.ts);
 * where the docs are silent, the choice is marked "undocumented" and kept as plain as possible. It
 * is a development tool: nothing in the app imports it, so it never reaches the built zip.
 *
 * This file puts it together: the account's data (state.ts), the routes by resource (routes/) and
 * the HTTP server (http.ts).
 */
import type { RecordedRequest, Route } from './api';
import { answerWith, listen, type Traffic } from './http';
import { withLatency, type LatencyOptions } from './latency';
import { messageByIdRoute, messageRoutes } from './routes/messages';
import { optOutRoutes } from './routes/optouts';
import { vortexOptOutRoute, vortexRoutes, type VortexShapes } from './routes/vortex';
import { vortexContacts, type SandboxContact } from './routes/vortex-contacts';
import { readFormBody, vortexGroups, type SandboxGroup } from './routes/vortex-groups';
import {
  createState,
  type SandboxMessage,
  type SandboxMessageSeed,
  type SandboxOptOut,
  type SandboxOptOutSeed,
  type SandboxState,
} from './state';

export { parseMobivateDate, type RecordedRequest } from './api';
export type { SandboxMessage, SandboxMessageSeed, SandboxOptOut, SandboxOptOutSeed } from './state';

export interface SandboxOptions {
  /** The only key the sandbox accepts. */
  apiKey?: string;
  /** Opt-outs present at start; ids are assigned when missing. */
  optOuts?: SandboxOptOutSeed[];
  /**
   * Which of the two documented delete routes exists (§9 #1): the page's heading
   * (/addressbook/optout, the default) or its examples (/optout).
   */
  deleteRoute?: 'heading' | 'examples';
  /** The clock, for tests and simulations (a virtual clock, with `latency.virtual`). */
  now?: () => number;
  /** Loopback port; 0 (the default) picks a free one. */
  port?: number;
  /** For benchmarks: a delete answers with the record but keeps it, so every run does the same work. */
  keepOnDelete?: boolean;
  /** Message log records present at start, oldest first; ids and defaults are filled in. */
  messages?: SandboxMessageSeed[];
  /**
   * Which API generation the sandbox speaks: BulkSMS (the default) or Vortex, whose lists come in
   * the shape seen live or, with `vortexShapes: 'documented'`, the documented one.
   */
  generation?: 'bulksms' | 'vortex';
  vortexShapes?: VortexShapes;
  /**
   * Off by default: answer after a real API's round trip (sandbox/latency.ts), `true` for the
   * generation's preset, and optionally 429 over a rate limit.
   */
  latency?: LatencyOptions | true;
}

export interface Sandbox {
  url: string;
  apiKey: string;
  requests: RecordedRequest[];
  optOuts: Map<string, SandboxOptOut>;
  /** The message log: every message sent through the sandbox, oldest first. */
  messages: SandboxMessage[];
  /** The Vortex address book by contact id (empty on BulkSMS, which has none). */
  contacts: Map<string, SandboxContact>;
  /** Vortex contact groups by id; tests add members (no documented request does). */
  groups: Map<string, SandboxGroup>;
  /** Requests being handled now, and the most at once since the start. */
  traffic: Traffic;
  /** Someone texts the account's number: logs an incoming message, as Mobivate does. */
  receive(fields: Omit<SandboxMessageSeed, 'direction'>): SandboxMessage;
  /** The network reports a new status for a sent message: the log shows it, updated now or `at`. */
  setStatus(id: string, status: string, at?: number): SandboxMessage;
  /** A message is logged as a send would log it (a simulation's batch sent elsewhere). */
  logMessage(seed: SandboxMessageSeed): SandboxMessage;
  /**
   * For simulations: makes `change` before answering the first request at or after `at` on the
   * sandbox's clock (timeline.ts); the change gives its records their own times.
   */
  schedule(at: number, change: () => void): void;
  close(): Promise<void>;
}

export const SANDBOX_API_KEY = 'sandbox-demo-key-7f3a-0000-1234';

/** What GET /auth/test answers for a valid key (G1, §1.3). */
export const AUTH_TEST_ANSWER = { message: 'API Key is valid' } as const;

/** The routes of the generation the sandbox speaks, and Vortex's address book and groups. */
const routing = (state: SandboxState, options: SandboxOptions, vortex: boolean) => {
  const contactBook = vortexContacts(options.vortexShapes ?? 'observed', options.now ?? Date.now);
  const groupBook = vortexGroups(state, contactBook.contacts);
  const routes: Record<string, Route> = vortex
    ? {
        ...vortexRoutes(
          state,
          options.vortexShapes ?? 'observed',
          (id) => groupBook.groups.get(id)?.members,
        ),
        ...contactBook.routes,
        ...groupBook.routes,
      }
    : {
        '/auth/test': { GET: () => ({ status: 200, body: AUTH_TEST_ANSWER }) },
        ...optOutRoutes(state, {
          deleteRoute: options.deleteRoute ?? 'heading',
          keepOnDelete: options.keepOnDelete ?? false,
        }),
        ...messageRoutes(state),
      };
  const routeFor = (path: string) =>
    (vortex
      ? (vortexOptOutRoute(state, path) ?? contactBook.routeFor(path))
      : messageByIdRoute(state, path)) ?? routes[path];
  return { routeFor, contacts: contactBook.contacts, groups: groupBook.groups };
};

export const startSandbox = async (options: SandboxOptions = {}): Promise<Sandbox> => {
  const apiKey = options.apiKey ?? SANDBOX_API_KEY;
  const state = createState(options.now ?? Date.now, options.optOuts, options.messages);
  const vortex = options.generation === 'vortex';
  const { routeFor, contacts, groups } = routing(state, options, vortex);
  const requests: RecordedRequest[] = [];
  const answer = answerWith(routeFor, apiKey);
  // Planned changes first; Create Group's body is form-encoded (§V5): read into fields before the
  // JSON check.
  const answerNow = (request: RecordedRequest, rawBody: string) => {
    state.timeline.catchUp();
    readFormBody(request, rawBody);
    return answer(request, rawBody);
  };
  const latency = options.latency === true ? {} : options.latency;
  const { url, close, traffic } = await listen(
    options.port ?? 0,
    requests,
    latency ? withLatency(answerNow, latency, vortex ? 'vortex' : 'bulksms') : answerNow,
  );
  const { optOuts, messages, receive, setStatus, logMessage, timeline } = state;
  return {
    url,
    apiKey,
    requests,
    traffic,
    optOuts,
    messages,
    contacts,
    groups,
    receive,
    setStatus,
    logMessage,
    schedule: timeline.schedule,
    close,
  };
};
