import type { SupervisionLevel } from './tables.js';

export type EscalationRule = { overdueDays: number; level: SupervisionLevel };

const rank: Record<SupervisionLevel, number> = { township: 1, district: 2 };

/** The higher of two supervision levels (null is none). */
export function higherLevel(a: SupervisionLevel | null, b: SupervisionLevel | null): SupervisionLevel | null {
  if (!a) return b;
  if (!b) return a;
  return rank[a] >= rank[b] ? a : b;
}

/**
 * The level an overdue demand should now be supervised at by the rules, or null when the rules
 * ask for nothing above what it has: escalation only ever raises a level.
 */
export function escalationFor(
  overdueMs: number,
  current: SupervisionLevel | null,
  rules: readonly EscalationRule[],
): { level: SupervisionLevel; rule: EscalationRule } | null {
  if (overdueMs <= 0) return null;
  const days = overdueMs / 86_400_000;
  let best: EscalationRule | null = null;
  for (const rule of rules) {
    if (days < rule.overdueDays) continue;
    if (!best || rank[rule.level] > rank[best.level] || (rule.level === best.level && rule.overdueDays > best.overdueDays)) best = rule;
  }
  if (!best || (current && rank[current] >= rank[best.level])) return null;
  return { level: best.level, rule: best };
}

/** The name a rule is recorded under: "overdue_3d". */
export const ruleName = (rule: EscalationRule) => `overdue_${rule.overdueDays}d`;
