/** A site build that failed: the reason is the one line a person can act on. */
export class SiteBuildError extends Error {
  override name = 'SiteBuildError';
  constructor(
    readonly reason: string,
    readonly buildId: string,
    readonly details: { exitCode?: number | null; signal?: string | null; logFile?: string; durationMs?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(`Build ${buildId} failed: ${reason}`, options);
  }
}
