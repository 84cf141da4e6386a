import { type ActionContext, audit, requireAdmin } from '../../../kernel/index.js';
import { getSetting, putSetting, type SettingKey, type Settings } from '../store.js';

/** Admins change installation settings; the trail keeps each value before and after. */
export async function changeSettings(a: ActionContext, changes: Partial<Settings>) {
  requireAdmin(a.actor);
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(changes) as [SettingKey, never][]) {
    diff[key] = { from: await getSetting(a.tx, key), to: value };
    await putSetting(a.tx, key, value);
  }
  if (!Object.keys(diff).length) {
    a.unchanged();
    return;
  }
  await audit(a, { resource: 'settings', resourceId: 'installation', action: 'change', data: diff });
}
