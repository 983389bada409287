import { z } from 'zod';
import raw from './taxonomy.json';

// taxonomy.json is a verbatim copy of the plan's shared/plan/taxonomy.json;
// test/content-types/taxonomy.test.ts fails when the two drift apart.

const keyed = z.object({ key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), label: z.string().min(1) });

const taxonomySchema = z.object({
  commune: z.object({ name: z.string(), province: z.string(), authority: z.string(), language: z.literal('vi') }),
  plan: z.object({
    title: z.string(),
    signed: z.string(),
    campaign: z.object({ start: z.string(), end: z.string() }),
    funding: z.string(),
    implements: z.array(z.object({ ref: z.string(), date: z.string(), issuer: z.string() })),
    reportsTo: z.object({ via: z.string(), to: z.string(), upstream: z.string(), cadence: z.string() }),
  }),
  themes: z.array(keyed.extend({ section: z.string(), summary: z.string() })).length(8),
  taskGroups: z.array(keyed).length(7),
  channels: z.array(keyed.extend({ group: z.string(), section: z.string() })),
  units: z.array(keyed.extend({ roles: z.array(z.string()) })),
  audiences: z.array(keyed),
  contentKinds: z.array(
    z.object({ key: z.string(), label: z.string(), themes: z.union([z.literal('any'), z.array(z.string())]) }),
  ),
});

export type Taxonomy = z.infer<typeof taxonomySchema>;
export const taxonomy: Taxonomy = taxonomySchema.parse(raw);

export type Theme = Taxonomy['themes'][number];
export type TaskGroup = Taxonomy['taskGroups'][number];
export type Channel = Taxonomy['channels'][number];
export type Unit = Taxonomy['units'][number];
export type Audience = Taxonomy['audiences'][number];

export const themeKeys = taxonomy.themes.map((t) => t.key);
export const taskGroupKeys = taxonomy.taskGroups.map((t) => t.key);

export function themeByKey(key: string): Theme | undefined {
  return taxonomy.themes.find((t) => t.key === key);
}
