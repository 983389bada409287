import { join } from 'node:path';

/** Each commune's portal has its own release store: DATA_DIR/communes/<slug>/site (release-store.ts). */
export const communeDataDir = (dataDir: string, commune: string): string => join(dataDir, 'communes', commune);
