import { readFileSync } from 'node:fs';

/**
 * The scheduler's notion of now. SCHEDULER_CLOCK_FILE, for tests only (never set by
 * `npm start`), names a file holding an ISO instant read at every call, so a test moves time
 * forward without waiting hours; an unreadable or empty file falls back to the real time.
 */
export function schedulerNow(env: NodeJS.ProcessEnv = process.env): Date {
  const file = env.SCHEDULER_CLOCK_FILE;
  if (file) {
    try {
      const at = new Date(readFileSync(file, 'utf8').trim());
      if (!Number.isNaN(at.getTime())) return at;
    } catch {
      // No test clock written yet: the real time.
    }
  }
  return new Date();
}
