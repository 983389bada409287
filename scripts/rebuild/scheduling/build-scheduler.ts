import type { SiteChange } from '../intake/affects-site.ts';
import { SiteBuildError } from './site-build-error.ts';

export type BuildReason = 'startup' | 'change' | 'retry';

export interface BuildRun {
  id: string;
  reason: BuildReason;
  attempt: number;
  changes: SiteChange[];
  startedAt: string;
  signal: AbortSignal;
}

export interface BuildRecord {
  id: string;
  reason: BuildReason;
  attempt: number;
  changes: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

export interface FailureRecord extends BuildRecord {
  reason: BuildReason;
  error: string;
  logFile?: string;
}

export type SchedulerState = 'idle' | 'waiting' | 'building' | 'retrying' | 'stopped';

export interface SchedulerSnapshot {
  state: SchedulerState;
  current: { id: string; reason: BuildReason; attempt: number; startedAt: string; changes: string[] } | null;
  pending: string[];
  nextRetryAt: string | null;
  failuresInARow: number;
  lastSuccess: BuildRecord | null;
  lastFailure: FailureRecord | null;
  totals: { succeeded: number; failed: number };
}

export interface SchedulerOptions {
  build: (run: BuildRun) => Promise<void>;
  newId: () => string;
  /** Quiet time before a build starts, so that update+publish and delete×2 land in one build. */
  debounceMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  log: (line: string) => void;
}

/**
 * One build at a time; changes that arrive meanwhile wait in one set (keyed by document) for
 * a single follow-up build, so a burst of publishes costs a handful of builds, not one each.
 * A failed build puts its changes back and is retried with exponential backoff; a new change
 * does not wait for the backoff (it may be the fix).
 */
export class BuildScheduler {
  private readonly pending = new Map<string, SiteChange>();
  private pendingReason: BuildReason | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerKind: 'debounce' | 'retry' | null = null;
  private nextRetryAt: Date | null = null;
  private running: { run: BuildRun; done: Promise<void>; abort: AbortController } | null = null;
  private failuresInARow = 0;
  private lastSuccess: BuildRecord | null = null;
  private lastFailure: FailureRecord | null = null;
  private totals = { succeeded: 0, failed: 0 };
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: SchedulerOptions) {}

  /** Asks for a build that includes `change` (or a full one at startup). */
  request(change: SiteChange | null, reason: BuildReason = 'change'): void {
    if (this.stopped) return;
    if (change) this.pending.set(change.key, change);
    if (!this.pendingReason || reason === 'startup') this.pendingReason = reason;
    if (this.running) {
      this.changedDuringRun = true; // the follow-up is scheduled when the running build ends
      return;
    }
    if (this.timerKind === 'debounce') return;
    this.schedule(reason === 'startup' ? 0 : this.options.debounceMs, 'debounce');
  }

  snapshot(): SchedulerSnapshot {
    const run = this.running?.run;
    return {
      state: this.state(),
      current: run ? { id: run.id, reason: run.reason, attempt: run.attempt, startedAt: run.startedAt, changes: run.changes.map((c) => c.key) } : null,
      pending: [...this.pending.keys()],
      nextRetryAt: this.timerKind === 'retry' && this.nextRetryAt ? this.nextRetryAt.toISOString() : null,
      failuresInARow: this.failuresInARow,
      lastSuccess: this.lastSuccess,
      lastFailure: this.lastFailure,
      totals: { ...this.totals },
    };
  }

  /** Resolves once no build runs and none is about to start (a scheduled retry does not count). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels timers and the running build, and waits for it to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    this.running?.abort.abort();
    await this.running?.done;
    this.notifyIdle();
  }

  private state(): SchedulerState {
    if (this.stopped) return 'stopped';
    if (this.running) return 'building';
    if (this.timerKind === 'retry') return 'retrying';
    if (this.timerKind === 'debounce') return 'waiting';
    return 'idle';
  }

  private isIdle(): boolean {
    return this.stopped || (!this.running && this.timerKind !== 'debounce');
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerKind = null;
    this.nextRetryAt = null;
  }

  private schedule(delayMs: number, kind: 'debounce' | 'retry'): void {
    this.clearTimer();
    this.timerKind = kind;
    if (kind === 'retry') this.nextRetryAt = new Date(Date.now() + delayMs);
    this.timer = setTimeout(() => {
      this.clearTimer();
      this.start(kind === 'retry' ? 'retry' : null);
    }, delayMs);
  }

  private start(forced: BuildReason | null): void {
    const changes = [...this.pending.values()];
    const reason = forced ?? this.pendingReason ?? 'change';
    this.pending.clear();
    this.pendingReason = null;
    const abort = new AbortController();
    const run: BuildRun = { id: this.options.newId(), reason, attempt: this.failuresInARow + 1, changes, startedAt: new Date().toISOString(), signal: abort.signal };
    const done = this.execute(run).finally(() => {
      this.running = null;
      this.afterBuild();
      this.notifyIdle();
    });
    this.running = { run, done, abort };
  }

  private async execute(run: BuildRun): Promise<void> {
    const started = Date.now();
    const record = (): BuildRecord => ({ id: run.id, reason: run.reason, attempt: run.attempt, changes: run.changes.length, startedAt: run.startedAt, finishedAt: new Date().toISOString(), durationMs: Date.now() - started });
    try {
      await this.options.build(run);
      this.failuresInARow = 0;
      this.totals.succeeded += 1;
      this.lastSuccess = record();
      this.justFailed = false;
    } catch (error) {
      this.failuresInARow += 1;
      this.totals.failed += 1;
      const message = error instanceof SiteBuildError ? error.reason : (error as Error).message;
      this.lastFailure = { ...record(), error: message, logFile: error instanceof SiteBuildError ? error.details.logFile : undefined };
      // The failed build's changes are still not on the portal: they go back in the queue.
      for (const change of run.changes) if (!this.pending.has(change.key)) this.pending.set(change.key, change);
      this.justFailed = true;
    }
  }

  private afterBuild(): void {
    const changedDuringRun = this.changedDuringRun;
    this.changedDuringRun = false;
    if (this.stopped) return;
    if (this.justFailed) {
      this.justFailed = false;
      const failure = this.lastFailure;
      const live = 'the live site is unchanged';
      if (changedDuringRun) {
        this.options.log(`Build ${failure?.id} failed: ${failure?.error} (${live}; new changes arrived, building again)`);
        this.schedule(this.options.debounceMs, 'debounce');
      } else {
        const delay = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** (this.failuresInARow - 1));
        this.options.log(`Build ${failure?.id} failed: ${failure?.error} (${live}; retry in ${(delay / 1000).toFixed(delay < 10_000 ? 1 : 0)} s)`);
        this.schedule(delay, 'retry');
      }
      return;
    }
    if (this.pending.size > 0 || this.pendingReason) this.schedule(this.options.debounceMs, 'debounce');
  }

  private justFailed = false;
  private changedDuringRun = false;
}
