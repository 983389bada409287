import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATED_SECRETS } from '../../scripts/env/ensure-env.ts';
import { CmsStartError, startCms } from '../../scripts/lib/cms-process.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { listensOn } from '../../scripts/lib/listening-process.ts';

// A port picked free can be taken by another process before the CMS listens on it. That
// process then answers /_health, and a CMS refused the port was taken for ready (seen in CI:
// "ready", with none of its tables in its database).
describe('telling whose server answers on a port', () => {
  const closers: Array<() => void> = [];
  afterAll(() => closers.forEach((close) => close()));

  const healthServer = async (port: number): Promise<Server> => {
    const server = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    closers.push(() => server.close());
    return server;
  };

  it('names the process that listens on a port, and not another one', async () => {
    const port = await freePort();
    await healthServer(port);
    expect(listensOn(process.pid, port)).toBe(true);
    const child: ChildProcess = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    closers.push(() => child.kill());
    await new Promise((r) => child.once('spawn', r));
    expect(listensOn(child.pid!, port)).toBe(false);
    const other = await freePort();
    expect(listensOn(process.pid, other)).toBe(false);
  });

  it('a CMS started on a port another server already answers on fails saying the port is taken, instead of passing for ready', async () => {
    const port = await freePort();
    await healthServer(port);
    const dir = mkdtempSync(join(tmpdir(), 'tt-port-taken-'));
    closers.push(() => rmSync(dir, { recursive: true, force: true }));
    const secrets = Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()]));
    const started = startCms({ port, quiet: true, env: { ...secrets, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: join(dir, 'data.db'), SERVE_ADMIN: 'false', SEED_DEMO: 'false' } });
    const error = await started.then(
      (cms) => (cms.stop(), null),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CmsStartError);
    // Strapi's own words: it booted, and stopped when it could not listen.
    expect((error as CmsStartError).message).toMatch(/exited with code[\s\S]*The port \d+ is already used by another application/);
  }, 120_000);
});
