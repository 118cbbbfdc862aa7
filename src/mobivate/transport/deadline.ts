import type { Bundle } from 'zapier-platform-core';

/**
 * Zapier stops a step after 30 seconds, whatever it was doing. So a step has one deadline,
 * STEP_DEADLINE_MS after its first request: every request and the reading of every answer body
 * end by it, and a step that has to stop early says what was done (docs/truthful-outcomes.md).
 * One request waits at most REQUEST_TIMEOUT_MS, so that Delete Opt-Out's second route still fits.
 */
export const STEP_DEADLINE_MS = 25_000;
export const REQUEST_TIMEOUT_MS = 12_000;
/**
 * Steps that read page after page (list scans) start no page after this long, so that a slow
 * page still ends within the deadline and the step can say how far it got.
 */
export const SCAN_BUDGET_MS = 20_000;
/** No request is started with less time than this left: it could not get an answer in time. */
export const MIN_REQUEST_MS = 2_000;

// Keyed by the bundle, which Zapier makes anew for every step.
const deadlines = new WeakMap<object, number>();

export const stepDeadline = (bundle: Bundle): number => {
  let deadline = deadlines.get(bundle);
  if (deadline === undefined) {
    deadline = Date.now() + STEP_DEADLINE_MS;
    deadlines.set(bundle, deadline);
  }
  return deadline;
};

/** Whether another request can still be made within the step's deadline. */
export const hasTimeForRequest = (bundle: Bundle): boolean =>
  stepDeadline(bundle) - Date.now() >= MIN_REQUEST_MS;
