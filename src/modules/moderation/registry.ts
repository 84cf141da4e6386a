import type { Reader } from '../../kernel/index.js';
import type { ModeratedKind } from './tables.js';

/** How the moderation module finds an item it does not own: its text and the region it belongs to. */
export type ModeratedSource = (db: Reader, id: number) => Promise<{ text: string; regionPath: string } | null>;

const sources = new Map<ModeratedKind, ModeratedSource>();

/** Called by the module that owns the kind (councils for comments, proposals for proposals). */
export function registerModeratedKind(kind: ModeratedKind, locate: ModeratedSource): void {
  sources.set(kind, locate);
}

export const moderatedSource = (kind: ModeratedKind) => sources.get(kind);
