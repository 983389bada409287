// Types of what tests import from render-site.mjs.

export class RenderError extends Error {}

/** Hard links of every file of `from` in `to` (which must not exist); false when `signal` stopped it. */
export function linkTree(from: string, to: string, signal?: AbortSignal): Promise<boolean>;
