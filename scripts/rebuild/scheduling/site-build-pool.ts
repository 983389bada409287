import { SiteBuildService, type ServiceBuildInput, type ServiceBuildResult, type SpareOutcome } from './site-build-service.ts';

/** What a release builder needs of a build service: one process, or a worker's pool of them. */
export interface BuildService {
  build(input: ServiceBuildInput): Promise<ServiceBuildResult>;
  spare(input: { id: string; env: Record<string, string>; from: string; to: string }): Promise<{ outcome: SpareOutcome | 'failed'; reason?: string } | null>;
  kill(): void;
}

interface Slot {
  service: SiteBuildService;
  busy: boolean;
  /** The portals (SITE_URL) this process built: it may still have their data in memory. */
  portals: Set<string>;
  /** The portal it built last, and when. */
  last: string | null;
  usedAt: number;
}

const portalOf = (env: Record<string, string>) => env.SITE_URL ?? '';

/**
 * A province worker's build services: `size` long-lived processes (one per concurrent job), each
 * rendering any commune with the one server bundle (site/scripts/build-service.mjs keeps each
 * commune's data). A build goes to a free process that built its commune last, else to the free
 * one used least recently; a process renders one build at a time. A commune whose data is not in
 * the chosen process starts from its live release's snapshot, not from the whole CMS.
 */
export class SiteBuildPool implements BuildService {
  private readonly slots: Slot[];
  private readonly waiting: Array<() => void> = [];

  constructor(script: string, cwd: string, baseEnv: Record<string, string>, size: number) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({ service: new SiteBuildService(script, cwd, baseEnv), busy: false, portals: new Set<string>(), last: null, usedAt: 0 }));
  }

  async build(input: ServiceBuildInput): Promise<ServiceBuildResult> {
    const portal = portalOf(input.env);
    const slot = await this.acquire(portal);
    try {
      return await slot.service.build(input);
    } finally {
      slot.portals.add(portal);
      slot.last = portal;
      slot.usedAt = Date.now();
      slot.busy = false;
      this.waiting.shift()?.();
    }
  }

  /**
   * Linked by the process that built the commune last, when no build holds it; skipped otherwise.
   * A build sent to that process meanwhile stops the linking (build-service.mjs).
   */
  async spare(input: { id: string; env: Record<string, string>; from: string; to: string }) {
    const slot = this.slots.find((s) => !s.busy && s.last === portalOf(input.env));
    return slot ? slot.service.spare(input) : null;
  }

  kill(): void {
    for (const slot of this.slots) slot.service.kill();
  }

  private async acquire(portal: string): Promise<Slot> {
    for (;;) {
      const free = this.slots.filter((s) => !s.busy);
      if (free.length) {
        // A process that built this portal before, else the one that has waited longest.
        const slot = free.find((s) => s.portals.has(portal)) ?? free.sort((a, b) => a.usedAt - b.usedAt)[0];
        slot.busy = true;
        return slot;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }
}
