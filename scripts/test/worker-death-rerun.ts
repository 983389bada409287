import type { SuiteOutcome } from './worker-exit-reporter.ts';

const POOL_ERROR = /^\[vitest-pool\]: Worker \w+ emitted error/;
const WORKER_EXIT = 'Worker exited unexpectedly';

/**
 * The test files to run once more after a run that failed only because a vitest worker process
 * exited by itself (a crash of the test runner's process, not a failed assertion), or null when
 * anything else failed: a test or a file that did not pass, another unhandled error, a worker
 * death whose files are unknown. Every test of those files already passed; running them again
 * checks that the process, not a test, was at fault.
 */
export function filesToRunAgain(outcome: SuiteOutcome): string[] | null {
  if (!outcome.modules.length || !outcome.modules.every((module) => module.ok)) return null;
  if (!outcome.errors.length || !outcome.deaths.length) return null;
  const onlyWorkerExits = outcome.errors.every((error) => POOL_ERROR.test(error.message) && error.cause === WORKER_EXIT);
  if (!onlyWorkerExits || outcome.deaths.length < outcome.errors.length) return null;
  if (outcome.deaths.some((death) => !death.files.length)) return null;
  const known = new Set(outcome.modules.map((module) => module.file));
  const files = [...new Set(outcome.deaths.flatMap((death) => death.files))];
  return files.every((file) => known.has(file)) ? files : null;
}
