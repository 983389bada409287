import { createTokenFile, type TokenStore } from '../token-file.ts';

export const TIKTOK_TOKEN_FILE = 'tiktok-tokens.json';

/** TikTok's rotated pair in `<dir>/tiktok-tokens.json` (mode 0600), refreshed under its lock. */
export const createTiktokTokenStore = (dir: string): TokenStore => createTokenFile(dir, TIKTOK_TOKEN_FILE, 'TikTok');
