// `npm test` brings what the suite needs on a fresh machine where it can, and otherwise stops
// at once with the one command to run: Debian's Chromium (browser tests; never a downloaded
// browser), the local PostgreSQL (every CMS suite also runs on it) and the redis-server
// program (the province queue tests start their own Redis, which they crash and restart).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const isRoot = process.getuid?.() === 0;

class MissingServiceError extends Error {
  override name = 'MissingServiceError';
  constructor(what: string, readonly command: string) {
    super(`${what}. Run: ${command}`);
  }
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const command = 'apt-get update && apt-get install -y chromium';
  if (!isRoot) throw new MissingServiceError(`Browser tests need Debian's Chromium at ${CHROMIUM}`, `sudo sh -c '${command}'`);
  console.log('Installing Debian’s Chromium for the browser tests (apt-get)…');
  execFileSync('sh', ['-c', `${command.replace('apt-get install', 'DEBIAN_FRONTEND=noninteractive apt-get install -qq')} >/dev/null`], { stdio: 'inherit' });
}

const REDIS_SERVER = '/usr/bin/redis-server';

function ensureRedisServer(): void {
  if (existsSync(REDIS_SERVER)) return;
  const command = 'apt-get update && apt-get install -y redis-server';
  if (!isRoot) throw new MissingServiceError(`The province queue tests need ${REDIS_SERVER}`, `sudo sh -c '${command}'`);
  console.log('Installing redis-server for the province queue tests (apt-get)…');
  execFileSync('sh', ['-c', `${command.replace('apt-get install', 'DEBIAN_FRONTEND=noninteractive apt-get install -qq')} >/dev/null`], { stdio: 'inherit' });
}

const postgresUp = () => spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']).status === 0;

async function ensurePostgres(): Promise<void> {
  if (process.env.TEST_POSTGRES_URL || postgresUp()) return;
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  const command = versions.length
    ? `pg_ctlcluster --skip-systemctl-redirect ${versions[0]} main start`
    : 'apt-get install -y postgresql (or set TEST_POSTGRES_URL)';
  if (!isRoot || !versions.length) throw new MissingServiceError('PostgreSQL is not answering on 127.0.0.1:5432', command);
  console.log(`Starting the local PostgreSQL (${command})…`);
  execFileSync('sh', ['-c', command], { stdio: 'inherit' });
  for (let i = 0; i < 30 && !postgresUp(); i += 1) await new Promise((r) => setTimeout(r, 1000));
  if (!postgresUp()) throw new MissingServiceError('PostgreSQL did not come up on 127.0.0.1:5432', command);
}

try {
  ensureChromium();
  ensureRedisServer();
  await ensurePostgres();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
