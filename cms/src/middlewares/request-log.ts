import type { Core } from '@strapi/strapi';

// Strapi's request log (strapi::logger), less one line: the cross-post runner asks for work
// every second, and a claim that finds none would bury every other line of the log.
const IDLE_CLAIM = /^\/api\/crosspost\/claim(\?|$)/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; url: string; status: number; body: unknown }, next: () => Promise<void>) => {
    const start = Date.now();
    await next();
    const idle = IDLE_CLAIM.test(ctx.url) && ctx.status === 200 && (ctx.body as { job?: unknown } | null)?.job === null;
    if (!idle) strapi.log.http(`${ctx.method} ${ctx.url} (${Math.ceil(Date.now() - start)} ms) ${ctx.status}`);
  };
