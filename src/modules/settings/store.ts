import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { installationSecrets, settings } from './tables.js';

/** Installation settings and their defaults; an admin changes them, code reads them here. */
export const settingDefaults = {
  /** How many times a demand may be reopened (重办) after unsatisfied callbacks. */
  'reopen.max': 2,
  /** Reopen automatically when a callback finds the resident unsatisfied or the problem unsolved. */
  'reopen.auto': false,
  /** Units with fewer demands in the period are left out of rankings. */
  'rates.minDemands': 5,
  /** Dispatch automatically when the best unit suggestion scores at least this (0 = never). */
  'text.autoDispatchConfidence': 0,
  /** Seconds (附议) at which a resident proposal is brought to the council chair. */
  'proposals.secondsThreshold': 10,
  /** Words that hold a resident's comment or proposal for a moderator instead of publishing it at once. */
  'moderation.sensitiveWords': [] as string[],
  /** 自动升级督办: a demand whose current step is overdue by this many days is supervised at this level. */
  'escalation.rules': [
    { overdueDays: 1, level: 'township' },
    { overdueDays: 3, level: 'district' },
  ] as { overdueDays: number; level: 'township' | 'district' }[],
  /** A rising 一类事 is also texted to its region's supervisors and its unit's handlers (always a console message). */
  'topics.risingSms': false,
  /** Verification codes also to mobile numbers outside the mainland (Hong Kong, Macao, Taiwan, abroad); off: mainland mobiles only. */
  'sms.codesBeyondMainland': false,
  /** Public submissions (demands, comments, proposals, enrolments, check-ins) per client address per minute, per group. */
  'public.rateLimitPerMinute': 30,
  /**
   * Public page loads (办理公开, courses, notices…) per client address per minute, all public reads together: far
   * looser than submissions, since a community centre's Wi-Fi or a mobile carrier's NAT puts many residents behind one address.
   */
  'public.readRateLimitPerMinute': 600,
};
export type SettingKey = keyof typeof settingDefaults;
export type Settings = { [K in SettingKey]: (typeof settingDefaults)[K] };

export async function loadSettings(db: Db | Tx): Promise<Settings> {
  const rows = await db.select().from(settings);
  const out: Record<string, unknown> = { ...settingDefaults };
  for (const row of rows) if (row.key in settingDefaults) out[row.key] = row.value;
  return out as Settings;
}

export async function getSetting<K extends SettingKey>(db: Db | Tx, key: K): Promise<Settings[K]> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return (row ? row.value : settingDefaults[key]) as Settings[K];
}

export async function putSetting<K extends SettingKey>(db: Db | Tx, key: K, value: Settings[K]): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value`, updatedAt: new Date() } });
}

/** A value made once for this installation (see installationSecrets); its absence is a broken migration. */
export async function installationSecret(db: Db | Tx, name: 'demand-number'): Promise<string> {
  const [row] = await db.select().from(installationSecrets).where(eq(installationSecrets.name, name));
  if (!row) throw new Error(`installation secret ${name} is missing: run the migrations`);
  return row.value;
}
