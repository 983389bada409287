export { createZaloChannel, type ZaloChannelDeps } from './zalo-channel.ts';
export { createFileTokenStore, ZALO_TOKEN_FILE, type TokenStore, type ZaloTokens } from './token-store.ts';
