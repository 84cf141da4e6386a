import type { UserActor } from '../kernel/index.js';

/**
 * Who a token or session belongs to, remembered for a few seconds: every API call needs it,
 * and it costs three queries. A revoked token or changed role takes effect within `ttlMs`
 * (at once for sign-outs, which drop their entry here).
 */
export class ActorCache {
  private entries = new Map<string, { actor: UserActor; csrfToken: string | null; at: number }>();
  private holds = new Map<string, number>();
  constructor(
    private readonly ttlMs = 5_000,
    private readonly max = 10_000,
  ) {}

  get(key: string): { actor: UserActor; csrfToken: string | null } | null {
    const hit = this.entries.get(key);
    if (!hit) return null;
    if (!this.holds.has(key) && Date.now() - hit.at > this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    return hit;
  }

  set(key: string, actor: UserActor, csrfToken: string | null = null): void {
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, { actor, csrfToken, at: Date.now() });
  }

  /**
   * Keeps an entry past its few seconds while a long request of its caller runs (an upload writing 100,000 rows
   * holds the embedded database for minutes): the caller's polls of its progress are answered from here instead of
   * waiting for the database. A change to who may act still drops the entry (`clear`, `delete`): it is read once
   * more from the database, then held again. Returns the release.
   */
  hold(key: string): () => void {
    this.holds.set(key, (this.holds.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.holds.get(key) ?? 1) - 1;
      if (n > 0) this.holds.set(key, n);
      else this.holds.delete(key);
    };
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** After a change to who may act (an account disabled, a password reset, a token revoked): forget everyone. */
  clear(): void {
    this.entries.clear();
  }
}
