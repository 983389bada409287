// Part of every content-layer digest: bump it whenever the loader's output for the same CMS
// entry changes (markdown options, sanitiser rules, derived fields), so cached entries are
// re-rendered. Astro does not notice changes to imported render code (shared/FACTS.md).
export const RENDER_VERSION = '2025-12-render-9';
