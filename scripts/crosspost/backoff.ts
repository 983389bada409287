export interface BackoffSettings {
  retryBaseMs?: number;
  retryMaxMs?: number;
}

/** Exponential backoff per attempt, capped, never shorter than the platform's own hint. */
export function backoff(attempts: number, settings: BackoffSettings, hint?: number): number {
  const base = settings.retryBaseMs ?? 5_000;
  const computed = Math.min(base * 2 ** Math.max(0, attempts - 1), settings.retryMaxMs ?? 30 * 60_000);
  return Math.max(computed, hint ?? 0);
}
