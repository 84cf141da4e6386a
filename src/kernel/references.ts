import type { Reader } from './action.js';

/**
 * What one module may cite from another by id, checked by the module that owns it: an action takes a citation's id
 * (the knowledge-base answer a reply used) and asks here whether it stands, without importing the owner, whose
 * routes may depend on the citing module in turn. The owner registers its check from its index.ts.
 */
export type ReferenceKind = 'approved_knowledge_article';

type Check = (db: Reader, id: number) => Promise<boolean>;
const checks = new Map<ReferenceKind, Check>();

export function registerReference(kind: ReferenceKind, check: Check): void {
  checks.set(kind, check);
}

/** Whether the cited record stands; a kind no module has registered is a programming error, not a missing record. */
export async function referenceStands(db: Reader, kind: ReferenceKind, id: number): Promise<boolean> {
  const check = checks.get(kind);
  if (!check) throw new Error(`No module checks references of kind ${kind}: import its index.ts`);
  return check(db, id);
}
