import { createTokenFile, type StoredTokens, type TokenStore } from '../token-file.ts';

/** The Zalo OA token pair as last rotated. Zalo's refresh token is single-use. */
export type ZaloTokens = StoredTokens;
export type { TokenStore };

export const ZALO_TOKEN_FILE = 'zalo-tokens.json';

/** Zalo's rotated pair in `<dir>/zalo-tokens.json` (mode 0600), refreshed under its lock. */
export const createFileTokenStore = (dir: string): TokenStore => createTokenFile(dir, ZALO_TOKEN_FILE, 'Zalo OA');
