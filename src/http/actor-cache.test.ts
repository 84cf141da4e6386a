import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '../kernel/index.js';
import { ActorCache } from './actor-cache.js';

const actor = { kind: 'user', userId: 7, grants: [] } as unknown as UserActor;

describe('ActorCache', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-18T09:00:00+08:00'));
  });
  afterEach(() => vi.useRealTimers());

  it('forgets a caller after its few seconds', () => {
    const cache = new ActorCache(5_000);
    cache.set('s:1', actor, 'csrf');
    vi.advanceTimersByTime(4_000);
    expect(cache.get('s:1')?.actor).toBe(actor);
    vi.advanceTimersByTime(2_000);
    expect(cache.get('s:1')).toBeNull();
  });

  it('keeps a held caller until released, once, and a change to accounts still drops them', () => {
    const cache = new ActorCache(5_000);
    cache.set('b:t', actor);
    const release = cache.hold('b:t');
    vi.advanceTimersByTime(10 * 60_000);
    expect(cache.get('b:t')?.actor).toBe(actor);
    release();
    release();
    expect(cache.get('b:t')).toBeNull();

    cache.set('b:u', actor);
    cache.hold('b:u');
    cache.clear();
    expect(cache.get('b:u')).toBeNull();
  });

  it('keeps holding across a refresh of the entry', () => {
    const cache = new ActorCache(5_000);
    cache.set('s:2', actor);
    const release = cache.hold('s:2');
    cache.set('s:2', actor);
    vi.advanceTimersByTime(60_000);
    expect(cache.get('s:2')).not.toBeNull();
    release();
    expect(cache.get('s:2')).toBeNull();
  });
});
