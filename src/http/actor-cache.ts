import type { UserActor } from '../kernel/index.js';

/**
 * Who a token or session belongs to, remembered for a few seconds: every API call needs it,
 * and it costs three queries. A revoked token or changed role takes effect within `ttlMs`
 * (at once for sign-outs, which drop their entry here).
 */
export class ActorCache {
  private entries = new Map<string, { actor: UserActor; csrfToken: string | null; at: number }>();
  constructor(
    private readonly ttlMs = 5_000,
    private readonly max = 10_000,
  ) {}

  get(key: string): { actor: UserActor; csrfToken: string | null } | null {
    const hit = this.entries.get(key);
    if (!hit) return null;
    if (Date.now() - hit.at > this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    return hit;
  }

  set(key: string, actor: UserActor, csrfToken: string | null = null): void {
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, { actor, csrfToken, at: Date.now() });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** After a change to who may act (an account disabled, a password reset, a token revoked): forget everyone. */
  clear(): void {
    this.entries.clear();
  }
}
