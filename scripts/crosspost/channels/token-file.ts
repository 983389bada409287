import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { z } from 'zod';

/** An OAuth pair as last rotated. Zalo's and TikTok's refresh tokens work once each. */
export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** ISO time the access token stops working, from the platform's expires_in. */
  expiresAt?: string;
  /**
   * SHA-256 of the env refresh token this chain started from: when an operator re-authorises and
   * puts a new pair in the environment, the env wins again over the stored chain.
   */
  origin?: string;
}

export interface TokenStore {
  load(): Promise<StoredTokens | undefined>;
  save(tokens: StoredTokens): Promise<void>;
  /**
   * Runs `work` holding a lock that every runner process using this store respects. A refresh
   * spends a single-use refresh token, so two processes must never refresh at once: the second
   * one waits, then finds the pair the first stored and uses it.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

const storedSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: z.string().optional(),
  origin: z.string().optional(),
});

/** A crashed holder's lock is taken over after this long; a live holder keeps it fresh. */
const STALE_LOCK_MS = 20_000;
/** Waiting for the lock outlasts a refresh call's own timeout (30 s). */
const LOCK_RETRIES = { retries: 120, factor: 1.5, minTimeout: 25, maxTimeout: 500 };

/** Whether a stored access token is past its expiry (with a minute to spare), so not worth trying. */
export const isExpired = (tokens: Pick<StoredTokens, 'expiresAt'>, now = Date.now()) =>
  tokens.expiresAt !== undefined && Date.parse(tokens.expiresAt) - 60_000 <= now;

/**
 * A JSON file readable by its owner only (0600) in the runner's state directory. Written to a
 * temporary file and renamed, so a crash mid-write never leaves a half pair: losing the new
 * refresh token would lock the commune out. The lock is a `<file>.lock` directory managed by
 * proper-lockfile (atomic mkdir, kept fresh while held, taken over when its holder died).
 */
export function createTokenFile(dir: string, fileName: string, platform: string): TokenStore {
  const file = join(dir, fileName);
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new Error(`Cannot read the ${platform} token store ${file}`, { cause: error });
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`The ${platform} token store ${file} is not JSON`);
      }
      const parsed = storedSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`The ${platform} token store ${file} is invalid: ${issue.path.join('.')} ${issue.message}`);
      }
      return parsed.data;
    },

    async save(tokens) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
      await chmod(temporary, 0o600);
      await rename(temporary, file);
    },

    async exclusive(work) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      let lost: Error | undefined;
      let release: () => Promise<void>;
      try {
        release = await lock(file, {
          realpath: false,
          stale: STALE_LOCK_MS,
          retries: LOCK_RETRIES,
          onCompromised: (error) => {
            lost = error;
          },
        });
      } catch (error) {
        throw new Error(`Could not lock the ${platform} token store ${file}: ${(error as Error).message}`, { cause: error });
      }
      try {
        const result = await work();
        if (lost) throw new Error(`The lock on the ${platform} token store ${file} was lost during a refresh (${lost.message})`, { cause: lost });
        return result;
      } finally {
        // A compromised lock is no longer ours to release.
        if (!lost) await release();
      }
    },
  };
}
