// `npm test`'s last step: vitest, with one narrow exception to "any error fails the run". When
// every test passed and the only errors are vitest worker processes that exited by themselves
// (vitest 4 reports these as "Worker exited unexpectedly"; the one cause seen, in-process
// Strapi removing Node's own listeners, is fixed), the files those workers ran are run once
// more, and that run decides. A failed test,
// any other unhandled error, or a second worker death still fails. The reporter
// scripts/test/worker-exit-reporter.ts prints each such death with its exit code or signal.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { parseCLI } from 'vitest/node';
import { filesToRunAgain } from './worker-death-rerun.ts';
import type { SuiteOutcome } from './worker-exit-reporter.ts';

const vitestBin = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');
const dir = mkdtempSync(join(tmpdir(), 'tt-suite-'));

function runVitest(args: string[], outcomeFile: string): number {
  const run = spawnSync(process.execPath, [vitestBin, 'run', ...args], { stdio: 'inherit', env: { ...process.env, TT_SUITE_OUTCOME: outcomeFile } });
  return run.status ?? 1;
}

function readOutcome(file: string): SuiteOutcome | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as SuiteOutcome;
}

/** The arguments without the file filters, to run other files with the same options. */
function optionsOnly(args: string[]): string[] {
  const filters = [...parseCLI(['vitest', 'run', ...args]).filter];
  return args.filter((arg) => {
    const at = filters.indexOf(arg);
    if (at === -1) return true;
    filters.splice(at, 1);
    return false;
  });
}

let status: number;
try {
  const args = process.argv.slice(2);
  status = runVitest(args, join(dir, 'first.json'));
  const outcome = status === 0 ? null : readOutcome(join(dir, 'first.json'));
  const again = outcome && filesToRunAgain(outcome);
  if (again) {
    const names = again.map((file) => relative(process.cwd(), file));
    console.error(`\nEvery test passed, but ${outcome.deaths.length} vitest worker process(es) exited by themselves (${outcome.deaths.map((d) => d.signal ?? `code ${d.code}`).join(', ')}). Running the file(s) they ran once more: ${names.join(', ')}\n`);
    status = runVitest([...optionsOnly(args), ...again], join(dir, 'again.json'));
    console.error(status === 0 ? `\nThe file(s) passed again: the suite passes.` : `\nThe file(s) failed when run again: the suite fails.`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
