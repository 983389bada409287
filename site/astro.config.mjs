import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { loadSiteEnv } from './src/env.mjs';
import { buildTimings } from './src/integrations/build-timings';

const env = loadSiteEnv();
const cms = new URL(env.CMS_URL);

export default defineConfig({
  site: env.SITE_URL,
  outDir: env.SITE_OUT_DIR ?? './dist',
  // A fixed cache directory keeps the content-layer store and the processed images between
  // builds into different output directories (the rebuild worker's releases).
  cacheDir: env.SITE_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  // Pages render one after another on the main thread; a few in flight let file writes overlap.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  image: {
    remotePatterns: [{ protocol: cms.protocol.replace(':', ''), hostname: cms.hostname }],
  },
  // The content model is a CommonJS workspace package: Node loads it, Vite must not transform it.
  vite: { ssr: { external: ['@thanh-thuy/content-types'] } },
  integrations: [sitemap({ filter: (page) => !/\/404\/?$/.test(page) }), buildTimings()],
});
