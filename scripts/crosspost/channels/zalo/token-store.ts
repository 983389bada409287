import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The Zalo OA token pair as last rotated. Zalo's refresh token is single-use. */
export interface ZaloTokens {
  accessToken: string;
  refreshToken: string;
  /** ISO time the access token stops working, from Zalo's expires_in (seconds, as a string). */
  expiresAt?: string;
  /**
   * SHA-256 of the env refresh token this chain started from: when an operator re-authorises and
   * puts a new pair in the environment, the env wins again over the stored chain.
   */
  origin?: string;
}

export interface TokenStore {
  load(): Promise<ZaloTokens | undefined>;
  save(tokens: ZaloTokens): Promise<void>;
}

const storedSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: z.string().optional(),
  origin: z.string().optional(),
});

export const ZALO_TOKEN_FILE = 'zalo-tokens.json';

/**
 * A JSON file readable by its owner only (0600). Written to a temporary file and renamed, so a
 * crash mid-write never leaves a half pair: losing the new refresh token would lock the OA out.
 */
export function createFileTokenStore(dir: string): TokenStore {
  const file = join(dir, ZALO_TOKEN_FILE);
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new Error(`Cannot read the Zalo token store ${file}`, { cause: error });
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`The Zalo token store ${file} is not JSON`);
      }
      const parsed = storedSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`The Zalo token store ${file} is invalid: ${issue.path.join('.')} ${issue.message}`);
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
  };
}
