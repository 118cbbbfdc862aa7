/** Data the bench's scenarios seed the sandbox with and give the steps, made the same way. */
import type { SandboxOptOutSeed } from '../sandbox/server';

const DAY = 86_400_000;

/** Distinct UK mobile numbers, as a marketer's sheet would hold them. */
export const recipientNumbers = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `+44 7${String(700000000 + i)}`);

/** `size` opt-outs spread evenly back from `now` over `days`, a third of them STOP replies. */
export const optOutList = (now: number, days: number, size: number): SandboxOptOutSeed[] =>
  Array.from({ length: size }, (_, i) => ({
    mobile: `4478${String(i).padStart(8, '0')}`,
    note: i % 3 ? 'API' : 'MO',
    created: now - Math.floor((i / size) * days * DAY),
  }));
