export { createTiktokChannel, type TiktokDeps } from './tiktok-channel.ts';
export { loadTiktokConfig, type TiktokConfig } from './tiktok-config.ts';
export type { TiktokTokens } from './tiktok-api.ts';
export { createTiktokTokenStore, TIKTOK_TOKEN_FILE } from './tiktok-token-store.ts';
