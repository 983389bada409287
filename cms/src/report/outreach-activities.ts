import type { Core } from '@strapi/strapi';
import { OUTREACH_CHANNELS, OUTREACH_CHANNEL_KEYS, taxonomy, toSlug, type OutreachChannel, type ReportActivity, type ReportPeriod } from '@thanh-thuy/content-types';
import type { ReportScope } from './published-pieces';

export interface PeriodActivity extends ReportActivity {
  unitKey: string | null;
  /** The commune whose office did it, in a province (tenancy); null otherwise. */
  commune: string | null;
}

type Row = {
  date: string;
  channel: OutreachChannel;
  description: string;
  times: number | null;
  minutes: number | null;
  peopleReached: number | null;
  commune?: string | null;
  unit?: { key: string; label: string } | null;
  residentialArea?: { name: string } | null;
  themes?: Array<{ key: string }>;
};

/** A form's key in the report: the plan's channel key where it has one (truyen-thanh), else its own slug. */
export const activityChannelKey = (channel: OutreachChannel) => OUTREACH_CHANNEL_KEYS[channel] ?? toSlug(channel);

/** The offline forms in the order the model lists them, with the plan's label where the plan names the channel. */
export function activityChannels(): Array<{ key: string; value: OutreachChannel; label: string }> {
  return OUTREACH_CHANNELS.map((value) => {
    const key = activityChannelKey(value);
    return { key, value, label: taxonomy.channels.find((c) => c.key === key)?.label ?? value };
  });
}

const periodWhere = (period: ReportPeriod, scope: ReportScope) => ({ date: { $gte: period.from, $lte: period.to }, ...(scope.commune ? { commune: scope.commune } : {}) });

/** The activities done on the days of the period (their date is a calendar day, no time). */
export async function outreachActivities(strapi: Core.Strapi, period: ReportPeriod, scope: ReportScope = {}): Promise<PeriodActivity[]> {
  const rows = (await strapi.db.query('api::outreach-activity.outreach-activity' as never).findMany({
    where: periodWhere(period, scope),
    select: ['date', 'channel', 'description', 'times', 'minutes', 'peopleReached', 'commune'],
    populate: { unit: { select: ['key', 'label'] }, residentialArea: { select: ['name'] }, themes: { select: ['key'] } },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
  })) as Row[];
  const channels = new Map(activityChannels().map((c) => [c.value, c]));
  return rows.map((row) => {
    const keys = (row.themes ?? []).map((t) => t.key);
    const channel = channels.get(row.channel);
    return {
      day: String(row.date).slice(0, 10),
      channel: channel?.key ?? toSlug(String(row.channel)),
      channelLabel: channel?.label ?? String(row.channel),
      unit: row.unit?.label ?? null,
      unitKey: row.unit?.key ?? null,
      residentialArea: row.residentialArea?.name ?? null,
      themes: taxonomy.themes.filter((t) => keys.includes(t.key)).map((t) => t.section),
      description: row.description,
      times: row.times ?? null,
      minutes: row.minutes ?? null,
      peopleReached: row.peopleReached ?? null,
      commune: row.commune ?? null,
    };
  });
}

/** What the plan's coverage counts of an activity: its form and figures, and whose it is. */
export type CoverageActivity = Pick<PeriodActivity, 'channel' | 'times' | 'minutes' | 'peopleReached' | 'commune'>;

/** The same activities as outreachActivities, read for the plan's coverage only: no unit, area or themes. */
export async function coverageActivities(strapi: Core.Strapi, period: ReportPeriod, scope: ReportScope = {}): Promise<CoverageActivity[]> {
  const rows = (await strapi.db.query('api::outreach-activity.outreach-activity' as never).findMany({
    where: periodWhere(period, scope),
    select: ['channel', 'times', 'minutes', 'peopleReached', 'commune'],
  })) as Row[];
  const channels = new Map(activityChannels().map((c) => [c.value, c.key]));
  return rows.map((row) => ({
    channel: channels.get(row.channel) ?? toSlug(String(row.channel)),
    times: row.times ?? null,
    minutes: row.minutes ?? null,
    peopleReached: row.peopleReached ?? null,
    commune: row.commune ?? null,
  }));
}
