import { type Actor, organisesIn, type Reader } from '../../../kernel/index.js';
import { regionsAtLevels } from '../../regions/index.js';

/** The district and townships where the caller may set up a programme: those they organise in, as `createProgramme` checks. */
export async function programmeRegions(db: Reader, actor: Actor) {
  const rows = await regionsAtLevels(db, ['district', 'township']);
  return rows.filter((r) => organisesIn(actor, r.path)).map((r) => ({ id: r.id, name: r.name, level: r.level as 'district' | 'township' }));
}
