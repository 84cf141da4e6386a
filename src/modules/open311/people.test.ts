import { describe, expect, it } from 'vitest';
import { personName, publicAddress } from './people.js';

describe('publicAddress', () => {
  // The street stays; from the first house, building, unit, flat or door number on, nothing does.
  const cases: [string, string][] = [
    ['滨河路12号3栋', '滨河路'],
    ['1234 5th street', '5th street'],
    ['桂花坪街道丽发新城3栋门口', '桂花坪街道丽发新城'],
    ['滨河路十二号三栋二单元五零一室 A座1203', '滨河路'],
    ['滨河路１２号', '滨河路'],
    ['滨河路𝟏𝟐号', '滨河路'],
    ['滨河路⑫号', '滨河路'],
    ['滨河路第三栋', '滨河路'],
    ['宝城社区党群服务中心二楼', '宝城社区党群服务中心'],
    ['滨河路 A座1203', '滨河路'],
    ['滨河路3-2-501', '滨河路'],
    ['滨河路12-3号', '滨河路'],
    // Numerals that are part of a place name.
    ['三门峡路8号', '三门峡路'],
    ['五户村', '五户村'],
    ['十里河路', '十里河路'],
    ['五一路二楼', '五一路'],
    ['九龙坡区杨家坪步行街', '九龙坡区杨家坪步行街'],
    ['滨河路 2026-12-07', '滨河路 2026-12-07'],
  ];
  it.each(cases)('%s → %s', (address, expected) => {
    expect(publicAddress(address)).toBe(expected);
  });

  it('reads a long run of digits once', () => {
    const t0 = performance.now();
    publicAddress(`滨河路${'1'.repeat(20_000)}`);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('personName', () => {
  const cases: [string | undefined, string | undefined, string | null][] = [
    ['小明', '王', '王小明'],
    ['john', 'smith', 'john smith'],
    [undefined, '王', '王'],
    [undefined, undefined, null],
  ];
  it.each(cases)('%s + %s → %s', (first, last, expected) => {
    expect(personName(first, last)).toBe(expected);
  });
});
