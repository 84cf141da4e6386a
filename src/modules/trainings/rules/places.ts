export type Seats = {
  audience: 'open' | 'invited';
  capacity: number;
  enrolled: number;
  /** For invited courses: the learner's township's seats and how many it has used; null when it has none. */
  quota: { seats: number; used: number } | null;
};

export type Placement = { kind: 'enrolled' } | { kind: 'waitlisted' } | { kind: 'refused'; zh: string; en: string };

/**
 * Where a new learner goes. An invited course takes only townships with a quota; a full course or
 * a used-up quota puts the learner on the wait-list in order of arrival.
 */
export function place(s: Seats): Placement {
  if (s.audience === 'invited' && s.quota === null) {
    return {
      kind: 'refused',
      zh: '本课程按名额邀请参加，您所在镇街没有名额。',
      en: 'This course is by invitation and your township has no seats.',
    };
  }
  if (s.enrolled >= s.capacity) return { kind: 'waitlisted' };
  if (s.quota && s.quota.used >= s.quota.seats) return { kind: 'waitlisted' };
  return { kind: 'enrolled' };
}

export type Waiting = { id: number; regionId: number | null };

/**
 * Who takes a freed place: the first on the wait-list (in order of arrival) whose township still has
 * a seat; for an open course, simply the first. None while the course is still full.
 */
export function nextToPromote(
  waitlist: Waiting[],
  course: { audience: 'open' | 'invited'; capacity: number; enrolled: number },
  quotaLeft: ReadonlyMap<number, number>,
): number | null {
  if (course.enrolled >= course.capacity) return null;
  for (const w of waitlist) {
    if (course.audience === 'open') return w.id;
    if (w.regionId !== null && (quotaLeft.get(w.regionId) ?? 0) > 0) return w.id;
  }
  return null;
}

/** 结业: attended at least the course's share of its sessions (rounded up: 80% of 9 sessions is 8). */
export function completed(attended: number, sessions: number, share: number): boolean {
  if (sessions === 0) return false;
  return attended >= Math.ceil(share * sessions - 1e-9);
}
