import { eq } from 'drizzle-orm';
import { type ActionContext, audit, isAdmin } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { cachedRegion } from '../../regions/index.js';
import { type ImportColumns, type ImportDefaults, type ImportNameMaps, importSources } from '../tables.js';

/** A source's mapping, saved under its name (saving the same name again updates it). */
export async function saveImportSource(
  a: ActionContext,
  input: { name: string; columns: ImportColumns; defaults: ImportDefaults; nameMaps?: ImportNameMaps },
) {
  if (!isAdmin(a.actor)) throw new AppError('auth.forbidden');
  if (!(await cachedRegion(a.tx, a.app.db, input.defaults.regionId)))
    throw new AppError('validation.reference', { zh: '默认区域不存在。', en: 'The default region does not exist.' });
  const values = { columns: input.columns, defaults: input.defaults, nameMaps: input.nameMaps ?? {}, updatedAt: a.now };
  const [existing] = await a.tx
    .select({ id: importSources.id })
    .from(importSources)
    .where(eq(importSources.name, input.name))
    .for('update');
  const [row] = existing
    ? await a.tx.update(importSources).set(values).where(eq(importSources.id, existing.id)).returning()
    : await a.tx
        .insert(importSources)
        .values({ name: input.name, ...values, createdAt: a.now })
        .returning();
  await audit(a, { resource: 'import_source', resourceId: row.id, action: existing ? 'update' : 'create', data: { name: row.name } });
  return row;
}
