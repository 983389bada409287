import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BenchError } from './bench-error.ts';
import { CMS_DIR } from '../lib/cms-process.ts';

/**
 * Fills the database named in `env` with `size` published pieces: seed-bench-db.ts in its own
 * process (Strapi's destroy() would tear down this process's listeners). With SEED_DEMO=true
 * the demo set, images included, is loaded first by the normal bootstrap. Resolves with the
 * time it took.
 */
export function runSeed(size: number, env: Record<string, string>): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./seed-bench-db.ts', import.meta.url)), String(size)], {
      cwd: CMS_DIR,
      // Not a production start: the demo set (its images among the pieces) is loaded first.
      env: { ...process.env, ...env, NODE_ENV: 'development', STRAPI_TELEMETRY_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const progress = chunk.toString().match(/seeded \d+\/\d+/g);
      if (progress) process.stdout.write(`\r  ${progress.at(-1)} pieces`);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
    child.on('close', (code) => {
      process.stdout.write('\n');
      if (code === 0) resolve(Date.now() - started);
      // Node ends an uncaught error's report with its version line: show the error itself.
      else reject(new BenchError(`Seeding ${size} pieces failed: ${stderr.trim().split('\n').filter((l) => l.trim() && !/^Node\.js v/.test(l)).slice(-14).join('\n') || `exit ${code}`}`));
    });
  });
}
