import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAKE_BUILD } from '../../rebuild/helpers/fake-build.ts';
import { DOMAIN, QUEUE } from './province.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  /** Kills the worker and the build it runs at once, as a power cut or the OOM killer would. */
  kill: () => Promise<void>;
  /** Asks it to stop as `systemctl stop` would (SIGTERM): it finishes the build under way. */
  stop: () => Promise<void>;
}

/**
 * `tsx scripts/rebuild/queue/main.ts worker` as its own process group, as a province runs
 * it, building with the stand-in site build (fake-site-build.mjs), or with `realBuild` the real one.
 */
export async function startWorkerProcess(options: { dir: string; redisUrl: string; communes: string[]; env?: Record<string, string>; realBuild?: boolean }): Promise<WorkerProcess> {
  const env = {
    ...process.env,
    ENV_FILE: join(options.dir, '.env'),
    DATA_DIR: join(options.dir, 'data'),
    REDIS_URL: options.redisUrl,
    BUILD_QUEUE: QUEUE,
    PROVINCE_COMMUNES: options.communes.join(','),
    PROVINCE_DOMAIN: DOMAIN,
    // The real site build (a benchmark on real content) or the stand-in.
    ...(options.realBuild ? {} : { SITE_BUILD_COMMAND: JSON.stringify([process.execPath, FAKE_BUILD]) }),
    ...options.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'rebuild', 'queue', 'main.ts'), 'worker'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The build worker did not start within 30 s:\n${output}`)), 30_000);
    const check = () => {
      if (/Build worker \d+: taking jobs/.test(output)) {
        clearTimeout(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`The build worker exited with ${child.exitCode}:\n${output}`));
      } else setTimeout(check, 50);
    };
    check();
  });
  return {
    child,
    output: () => output,
    kill: async () => {
      if (running()) process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
    stop: async () => {
      if (running()) child.kill('SIGTERM');
      await exited;
    },
  };
}
