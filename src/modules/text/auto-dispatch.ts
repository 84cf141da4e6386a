import { type ActionContext, type AppContext, perform, systemActor } from '../../kernel/index.js';
import { loggable } from '../../lib/loggable.js';
import { dispatchDemand, loadJoined } from '../demands/index.js';
import { getSetting } from '../settings/index.js';
import type { Suggester } from './suggester.js';
import { textSuggestions } from './tables.js';

type Suggested = { demandId: number; modelVersion: string; categories: { categoryId: number; name: string; confidence: number }[] };

/** The system dispatches on a suggestion, and the suggestion it acted on is kept beside the dispatch. */
async function dispatchOnSuggestion(
  a: ActionContext,
  opts: Suggested & { units: { unitId: number; name: string; score: number; reason: string }[]; categoryId: number | null; note: string },
) {
  await a.tx
    .insert(textSuggestions)
    .values({ demandId: opts.demandId, modelVersion: opts.modelVersion, categories: opts.categories, units: opts.units, at: a.now });
  return dispatchDemand(a, { demandId: opts.demandId, unitId: opts.units[0].unitId, categoryId: opts.categoryId, note: opts.note });
}

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
    if (row?.demand.state !== 'registered') return false;
    const categories = await suggester.suggestCategories(`${row.demand.title} ${row.demand.content}`);
    const units = await suggester.suggestUnits(categories, row.regionPath);
    const best = units[0];
    if (!best || best.score < threshold || !suggester.version) return false;
    await perform(ctx, systemActor, dispatchOnSuggestion, {
      demandId,
      modelVersion: suggester.version,
      categories,
      units,
      categoryId: row.demand.categoryId ?? categories[0]?.categoryId ?? null,
      note: `自动派单：${best.reason}（置信度 ${best.score.toFixed(2)} ≥ ${threshold}，模型 ${suggester.version}）`,
    });
    return true;
  } catch (err) {
    ctx.log.error({ err: loggable(err), demandId }, 'auto-dispatch failed');
    return false;
  }
}
