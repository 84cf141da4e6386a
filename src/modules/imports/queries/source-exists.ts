import { eq } from 'drizzle-orm';
import type { Reader } from '../../../kernel/index.js';
import { importSources } from '../tables.js';

export async function importSourceExists(db: Reader, id: number): Promise<boolean> {
  const [row] = await db.select({ id: importSources.id }).from(importSources).where(eq(importSources.id, id));
  return Boolean(row);
}
