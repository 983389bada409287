import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { failureReason } from './failure-reason.ts';
import { SiteBuildError } from './site-build-error.ts';

export interface SiteBuildInput {
  id: string;
  /** argv of the build, e.g. ['npm', 'run', 'build', '-w', '@thanh-thuy/site']. */
  command: readonly string[];
  cwd: string;
  env: Record<string, string>;
  outDir: string;
  logFile: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Runs the site build (the contract: SITE_OUT_DIR receives the complete static site; a
 * failure exits non-zero with one line on stderr). The build runs in its own process group
 * so a timeout or shutdown stops npm, Astro and pagefind together.
 */
export function runSiteBuild(input: SiteBuildInput): Promise<{ durationMs: number }> {
  const started = Date.now();
  const [bin, ...args] = input.command;
  const log = createWriteStream(input.logFile);
  log.write(`$ ${input.command.join(' ')}\n# SITE_OUT_DIR=${input.outDir}\n`);
  return new Promise((resolve, reject) => {
    let stderr = '';
    let stopped: string | null = null;
    const child = spawn(bin, args, {
      cwd: input.cwd,
      env: { ...input.env, SITE_OUT_DIR: input.outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const stopGroup = (why: string) => {
      stopped = why;
      if (child.pid === undefined || child.exitCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
      setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ESRCH') log.write(`# could not kill: ${(error as Error).message}\n`);
        }
      }, 5_000).unref();
    };
    const timer = setTimeout(() => stopGroup(`the build took longer than ${Math.round(input.timeoutMs / 1000)} s and was stopped`), input.timeoutMs);
    const onAbort = () => stopGroup('the build was cancelled (the worker is stopping)');
    input.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => log.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      log.write(chunk);
      stderr += chunk.toString();
      if (stderr.length > 64_000) stderr = stderr.slice(-32_000);
    });
    let done = false;
    const finish = (error: SiteBuildError | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
      log.end(() => (error ? reject(error) : resolve({ durationMs: Date.now() - started })));
    };
    child.on('error', (error) => finish(new SiteBuildError(`the build command could not start: ${bin}: ${error.message}`, input.id, { logFile: input.logFile }, { cause: error })));
    child.on('close', (exitCode, signal) => {
      const durationMs = Date.now() - started;
      log.write(`# exit ${exitCode ?? signal} after ${durationMs} ms\n`);
      if (exitCode === 0 && !stopped) return finish(null);
      const reason = stopped ?? failureReason(stderr, `the build command exited with ${exitCode ?? signal}`);
      finish(new SiteBuildError(reason, input.id, { exitCode, signal, logFile: input.logFile, durationMs }));
    });
  });
}
