/** What a resident's text to the platform's number means. */
export type InboundIntent = { kind: 'opt_out' } | { kind: 'survey'; satisfied: boolean } | { kind: 'unknown' };

const optOut = new Set(['TD', 'T', 'N', '退订', '取消']);

export function readInbound(text: string): InboundIntent {
  const t = text
    .normalize('NFKC')
    .replace(/[\s。.!！,，]/g, '')
    .toUpperCase();
  if (optOut.has(t)) return { kind: 'opt_out' };
  if (t === '1' || t === '满意') return { kind: 'survey', satisfied: true };
  if (t === '2' || t === '不满意') return { kind: 'survey', satisfied: false };
  return { kind: 'unknown' };
}
