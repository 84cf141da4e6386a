import { describe, expect, it } from 'vitest';
import { readInbound } from './inbound.js';

describe('reading a resident’s SMS', () => {
  it.each([
    ['TD', 'opt_out'],
    [' td ', 'opt_out'],
    ['ＴＤ', 'opt_out'],
    ['退订', 'opt_out'],
    ['1', 'survey'],
    ['１', 'survey'],
    ['2。', 'survey'],
    ['满意', 'survey'],
    ['12', 'unknown'],
    ['路灯还是不亮', 'unknown'],
  ])('%j → %s', (text, kind) => expect(readInbound(text).kind).toBe(kind));

  it.each([
    ['1', true],
    ['2', false],
    ['不满意', false],
  ])('%j satisfied = %s', (text, satisfied) => expect(readInbound(text)).toEqual({ kind: 'survey', satisfied }));
});
