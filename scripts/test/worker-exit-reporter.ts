// A vitest reporter that watches vitest's own worker processes. Vitest 4 reports a worker that
// dies by itself only as "Worker exited unexpectedly", without the exit code, the signal or the
// test file it was running (vitest-dev/vitest#10894). This reporter wraps child_process.fork in
// vitest's main process before any worker starts, notes which files each worker was asked to
// run and whether vitest itself stopped it, prints one line for a worker that exited on its own,
// and, when TT_SUITE_OUTCOME names a file, writes the run's outcome there for
// scripts/test/run-suite.ts: each file's result, the unhandled errors, the workers that died.
import childProcess, { type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { sep } from 'node:path';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export interface WorkerDeath {
  files: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SuiteOutcome {
  modules: Array<{ file: string; ok: boolean; state: string }>;
  errors: Array<{ message: string; cause: string | null }>;
  deaths: WorkerDeath[];
}

const deaths: WorkerDeath[] = [];
const WORKER_ENTRY = `${sep}vitest${sep}dist${sep}workers${sep}`;
const WATCHED = Symbol.for('thanh-thuy.vitest-workers-watched');

function watchWorkers(): void {
  const registry = globalThis as Record<symbol, unknown>;
  if (registry[WATCHED]) return;
  registry[WATCHED] = true;
  const fork = childProcess.fork;
  childProcess.fork = function watchedFork(this: unknown, ...args: unknown[]): ChildProcess {
    const child = (fork as (...a: unknown[]) => ChildProcess).apply(this, args);
    if (!String(args[0]).includes(WORKER_ENTRY)) return child;
    let files: string[] = [];
    let stopped = false;
    const send = child.send.bind(child) as (...a: unknown[]) => boolean;
    child.send = ((message: unknown, ...rest: unknown[]) => {
      const request = message as { type?: string; context?: { files?: Array<{ filepath?: string } | string> } };
      if ((request?.type === 'run' || request?.type === 'collect') && Array.isArray(request.context?.files)) {
        files = request.context.files.map((file) => (typeof file === 'string' ? file : String(file.filepath)));
      }
      return send(message, ...rest);
    }) as ChildProcess['send'];
    const kill = child.kill.bind(child);
    child.kill = ((signal?: NodeJS.Signals | number) => {
      stopped = true;
      return kill(signal);
    }) as ChildProcess['kill'];
    child.on('exit', (code, signal) => {
      if (stopped) return;
      deaths.push({ files, code, signal });
      process.stderr.write(`\n[worker-exit] a vitest worker (pid ${child.pid}) exited by itself with ${signal ? `signal ${signal}` : `code ${code}`} while it ran ${files.join(', ') || 'no test file'}\n`);
    });
    return child;
  } as typeof fork;
  // vitest's pool imports { fork } from 'node:child_process': make that binding see the wrapper.
  syncBuiltinESMExports();
}

watchWorkers();

const describeError = (error: SerializedError) => {
  const cause = (error as { cause?: { message?: string } }).cause;
  return { message: String(error.message ?? ''), cause: cause?.message ? String(cause.message) : null };
};

export default class WorkerExitReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const target = process.env.TT_SUITE_OUTCOME;
    if (!target) return;
    const outcome: SuiteOutcome = {
      modules: testModules.map((module) => ({ file: module.moduleId, ok: module.ok(), state: module.state() })),
      errors: unhandledErrors.map(describeError),
      deaths,
    };
    writeFileSync(target, JSON.stringify(outcome, null, 2));
  }
}
