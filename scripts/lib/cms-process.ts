import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from '../env/config.ts';
import { listensOn } from './listening-process.ts';

export const CMS_DIR = resolve(ROOT, 'cms');

export function strapiBin(): string {
  const require = createRequire(join(CMS_DIR, 'package.json'));
  return join(dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
}

export class CmsStartError extends Error {
  override name = 'CmsStartError';
  constructor(message: string, readonly output: string) {
    // The CMS's last lines say why it did not start (a port taken, a database refused…).
    const tail = output.trim().split('\n').slice(-12).join('\n');
    super(tail ? `${message}; its last output:\n${tail}` : message);
  }
}

export interface CmsProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

async function waitForHealth(url: string, port: number, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new CmsStartError(`The CMS exited with code ${child.exitCode} while starting`, output());
    try {
      const res = await fetch(`${url}/_health`);
      // Only our CMS's answer counts: another process that took the port meanwhile answers too
      // (listening-process.ts); ours then exits, refused the port, and says so.
      if ((res.status === 204 || res.ok) && listensOn(child.pid!, port) !== false) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new CmsStartError(`The CMS did not answer ${url}/_health within ${timeoutMs / 1000} s`, output());
}

/** Starts the built CMS (`strapi start`) and resolves once /_health answers. */
export async function startCms(options: { port: number; env: Record<string, string | undefined>; quiet?: boolean; timeoutMs?: number }): Promise<CmsProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  let log = '';
  const child = spawn(process.execPath, [strapiBin(), 'start'], {
    cwd: CMS_DIR,
    env: { ...process.env, ...options.env, PORT: String(options.port), HOST: options.env.HOST ?? '127.0.0.1', NODE_ENV: options.env.NODE_ENV ?? 'production', STRAPI_TELEMETRY_DISABLED: 'true', BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
    if (!options.quiet) process.stdout.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const output = () => log;
  const stop = () =>
    new Promise<void>((resolveStop) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
      child.once('exit', () => resolveStop());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  try {
    await waitForHealth(url, options.port, child, output, options.timeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, output, stop };
}
