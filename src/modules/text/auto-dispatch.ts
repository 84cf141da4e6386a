import { perform } from '../../kernel/index.js';
import type { AppContext } from '../../kernel/index.js';
import { systemActor } from '../../kernel/index.js';
import { dispatchDemand } from '../demands/index.js';
import { loadJoined } from '../demands/index.js';
import { getSetting } from '../settings/index.js';
import type { Suggester } from './suggester.js';
import { textSuggestions } from './tables.js';

/**
 * After intake: when an admin has set a confidence and the best unit suggestion reaches it,
 * the demand is dispatched in the system's name, the reason saying so. Otherwise it waits for a
 * dispatcher as usual. Runs after the intake has answered; failures are logged, never thrown.
 */
export async function autoDispatch(ctx: AppContext, suggester: Suggester, demandId: number): Promise<boolean> {
  try {
    const threshold = await getSetting(ctx.db, 'text.autoDispatchConfidence');
    if (!threshold) return false;
    const row = await loadJoined(ctx.db, demandId);
    if (!row || row.demand.state !== 'registered') return false;
    const categories = await suggester.suggestCategories(`${row.demand.title} ${row.demand.content}`);
    const units = await suggester.suggestUnits(categories, row.regionPath);
    if (suggester.version) await ctx.db.insert(textSuggestions).values({ demandId, modelVersion: suggester.version, categories, units, at: ctx.now() });
    const best = units[0];
    if (!best || best.score < threshold) return false;
    await perform(ctx, systemActor, dispatchDemand, { demandId,
      unitId: best.unitId,
      categoryId: row.demand.categoryId ?? categories[0]?.categoryId,
      note: `自动派单：${best.reason}（置信度 ${best.score.toFixed(2)} ≥ ${threshold}，模型 ${suggester.version}）`,
    });
    return true;
  } catch (err) {
    ctx.log.error({ err, demandId }, 'auto-dispatch failed');
    return false;
  }
}
