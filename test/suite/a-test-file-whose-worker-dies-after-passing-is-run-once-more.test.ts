import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// `npm test` runs vitest through scripts/test/run-suite.ts. These run it on a suite of its own
// (test/suite/fixtures/worker-death), whose file kills its vitest worker with SIGKILL after
// its tests passed and before the worker reports the file finished: what vitest 4 reports as
// "Worker exited unexpectedly" after a run where every test passed.
const ROOT = resolve(import.meta.dirname, '..', '..');
const CONFIG = 'test/suite/fixtures/worker-death/vitest.config.ts';

describe('a test file whose vitest worker dies after its tests passed', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const runSuite = (deaths: number, files: string[]) => {
    dir = mkdtempSync(join(tmpdir(), 'tt-worker-death-'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'TT_SUITE_OUTCOME'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test/run-suite.ts', '--config', CONFIG, ...files], {
      cwd: ROOT,
      env: { ...env, NO_COLOR: '1', WORKER_DEATHS: String(deaths), WORKER_DEATH_COUNT: join(dir, 'deaths') },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const died = () => { try { return readFileSync(join(dir, 'deaths'), 'utf8').length; } catch { return 0; } };
    return { status: run.status, output: `${run.stdout}\n${run.stderr}`, died: died() };
  };

  it('is named with the signal that ended it, run once more, and the suite passes when it passes again', () => {
    const run = runSuite(1, ['passes.case.ts']);
    expect(run.died).toBe(1);
    expect(run.output).toContain('Worker exited unexpectedly');
    expect(run.output).toMatch(/\[worker-exit\] a vitest worker \(pid \d+\) exited by itself with signal SIGKILL while it ran \S+passes\.case\.ts/);
    expect(run.output).toContain('Running the file(s) they ran once more: test/suite/fixtures/worker-death/passes.case.ts');
    expect(run.status, run.output).toBe(0);
  });

  it('fails the suite when its worker dies again', () => {
    const run = runSuite(2, ['passes.case.ts']);
    expect(run.died).toBe(2);
    expect(run.output).toContain('The file(s) failed when run again');
    expect(run.status).not.toBe(0);
  });

  it('is not run again when another test of the run failed', () => {
    const run = runSuite(1, ['passes.case.ts', 'fails.case.ts']);
    expect(run.died).toBe(1);
    expect(run.output).not.toContain('once more');
    expect(run.status).not.toBe(0);
  });

  it('changes nothing in a run where no worker dies', () => {
    const run = runSuite(0, ['passes.case.ts']);
    expect(run.output).not.toContain('[worker-exit]');
    expect(run.output).not.toContain('once more');
    expect(run.status).toBe(0);
  });
});
