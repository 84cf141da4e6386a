import { pinyin } from 'pinyin-pro';

const initialsCache = new Map<string, string>();

/** "路灯不亮" → "ldbl": so an operator can type initials while the resident is still talking. */
export function initials(text: string): string {
  let hit = initialsCache.get(text);
  if (hit === undefined) {
    hit = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
    initialsCache.set(text, hit);
  }
  return hit;
}

/** Matches characters anywhere, or pinyin initials anywhere in the label. */
export function matches(label: string, input: string): boolean {
  const q = input.trim().toLowerCase();
  if (!q) return true;
  if (label.toLowerCase().includes(q)) return true;
  return /^[a-z]+$/.test(q) && initials(label).includes(q);
}
