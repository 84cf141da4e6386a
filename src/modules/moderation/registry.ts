import type { ActionContext, Actor, Reader } from '../../kernel/index.js';
import type { ModeratedKind } from './tables.js';

/** An item as published: what the public reads, its region, when it went up, and a line that says where it is. */
export type PublishedItem = { id: number; text: string; regionPath: string; at: Date; context: string };

/** How the moderation module reaches a kind it does not own. */
export type ModeratedSource = {
  /** The item's text as written and the region it belongs to. */
  locate: (db: Reader, id: number) => Promise<{ text: string; regionPath: string } | null>;
  /** The newest published items the caller organises, newest first. */
  recent: (db: Reader, actor: Actor, limit: number) => Promise<PublishedItem[]>;
  /** Inside the decision's transaction (outbox rows): tell the author, where there is a way, what was decided and why. */
  tellAuthor?: (a: ActionContext, id: number, decision: { state: 'hidden' | 'redacted'; reason: string }) => Promise<void>;
};

const sources = new Map<ModeratedKind, ModeratedSource>();

/** Called by the module that owns the kind (councils for comments, proposals for proposals, demands for demands and replies). */
export function registerModeratedKind(kind: ModeratedKind, source: ModeratedSource): void {
  sources.set(kind, source);
}

export const moderatedSource = (kind: ModeratedKind) => sources.get(kind);
export const moderatedSources = () => [...sources.entries()];
