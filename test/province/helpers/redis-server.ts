import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../scripts/lib/free-port.ts';

const REDIS_SERVER = '/usr/bin/redis-server';

export interface TestRedis {
  url: string;
  port: number;
  /** Stops Redis the way a crash or an operator would (SHUTDOWN, or SIGKILL when `crash`). */
  stop: (options?: { crash?: boolean }) => Promise<void>;
  /** Starts it again on the same port, from the same directory (its append-only file). */
  start: () => Promise<void>;
  remove: () => Promise<void>;
}

/**
 * A Redis of the test's own, on a free port with its data in a temporary directory, set up as
 * the README says a province's Redis must be: append-only file, fsync on every write,
 * noeviction. The machine's own Redis (127.0.0.1:6379) keeps nothing on disk and is shared, so
 * restarting it is not the test's to do.
 */
export async function startTestRedis(options: { appendonly?: boolean } = {}): Promise<TestRedis> {
  if (spawnSync(REDIS_SERVER, ['--version']).status !== 0) throw new Error(`These tests need ${REDIS_SERVER}. Run: apt-get install -y redis-server`);
  const dir = mkdtempSync(join(tmpdir(), 'tt-redis-'));
  const port = await freePort();
  const appendonly = options.appendonly ?? true;
  let child: ChildProcess | null = null;

  async function start(): Promise<void> {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', appendonly ? 'yes' : 'no', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction', '--daemonize', 'no', '--logfile', join(dir, 'redis.log')];
    child = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
    for (let i = 0; i < 100; i += 1) {
      if (spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().trim() === 'PONG') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not answer on port ${port}; see ${join(dir, 'redis.log')}`);
  }

  async function stop({ crash = false } = {}): Promise<void> {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    if (crash) running.kill('SIGKILL');
    else spawnSync('redis-cli', ['-p', String(port), 'shutdown']);
    await exited;
    child = null;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    remove: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
