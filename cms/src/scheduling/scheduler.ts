import type { Core } from '@strapi/strapi';
import { schedulerNow } from './clock';
import { runDue } from './run-due';

let timer: NodeJS.Timeout | undefined;

/**
 * Starts the publish scheduler inside the CMS: one pass at once (anything due while the CMS
 * was down is caught up now, and logged as late), then one every SCHEDULER_INTERVAL_MS
 * (default 15 s). The times live in the database, so a restart loses nothing; passes never
 * overlap, and each due time is claimed before it is acted on.
 */
export function startScheduler(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): void {
  if (env.SCHEDULER_ENABLED === 'false') return;
  const interval = Math.max(200, Number(env.SCHEDULER_INTERVAL_MS ?? 15_000) || 15_000);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runDue(strapi, schedulerNow(env));
    } catch (error) {
      strapi.log.error(`Scheduler pass failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  void tick();
  timer = setInterval(tick, interval);
  timer.unref();
}

export function stopScheduler(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
