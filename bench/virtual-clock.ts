/**
 * A virtual clock for this whole process, for simulations that run the app and the sandbox in it
 * (bench/trigger-child.ts): `Date.now` reads it, so the app's deadlines and scan budget run in
 * virtual time, and the sandbox's latency model holds answers in it (sandbox/virtual-time.ts).
 * It also tells the sandbox when every HTTP request this process made has arrived there (counted
 * through Node's http diagnostics channel), so that an answer is released only when no request is
 * still on its way. The app's own request timer (setTimeout) stays in real time: answers come in
 * real milliseconds, so it never fires.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { virtualClock, type VirtualTime } from '../sandbox/virtual-time';

export interface ProcessClock extends VirtualTime {
  /** Sets the clock anywhere (between polls: to the next poll's time). */
  set(millis: number): void;
}

let installed: ProcessClock | undefined;

/** Replaces Date.now with a clock starting at `start`; once per process. */
export const installVirtualClock = (start: number): ProcessClock => {
  if (installed) throw new Error('The virtual clock is already installed');
  const clock = virtualClock(start);
  Date.now = clock.now;
  // Requests made and not yet done with: from creation to the end of the answer (or a failure).
  let open = 0;
  subscribe('http.client.request.created', (message) => {
    const { request } = message as { request: ClientRequest };
    open++;
    request.once('close', () => open--);
  });
  installed = { ...clock, settled: (held) => open === held };
  return installed;
};
