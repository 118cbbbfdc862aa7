/** The loopback port of `npm run sandbox`. */
export const DEFAULT_SANDBOX_PORT = 4010;

/** SANDBOX_PORT, or the default when it is unset or empty; a problem when it is not a port. */
export const sandboxPort = (
  env: Record<string, string | undefined>,
): { port: number } | { problem: string } => {
  const text = env.SANDBOX_PORT?.trim();
  if (!text) return { port: DEFAULT_SANDBOX_PORT };
  const port = Number(text);
  return /^\d+$/.test(text) && port >= 1 && port <= 65535
    ? { port }
    : { problem: `SANDBOX_PORT must be a port number from 1 to 65535, not "${env.SANDBOX_PORT}".` };
};
