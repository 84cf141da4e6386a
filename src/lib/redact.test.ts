import { describe, expect, it } from 'vitest';
import { leakedVariants, piiVariants } from '../../test/pii-variants.js';
import { maskName, redact } from './redact.js';

describe('public redaction', () => {
  it.each(piiVariants.map((v) => [v.label, v.text] as const))('masks %s', (_label, text) => {
    const out = redact(`联系人 ${text} 请回电`);
    expect(leakedVariants(out)).toEqual([]);
    expect(out.startsWith('联系人 ')).toBe(true);
    expect(out.endsWith(' 请回电')).toBe(true);
  });

  it('masks every variant when they stand side by side in one text', () => {
    const all = piiVariants.map((v) => v.text).join('，');
    expect(leakedVariants(all)).toHaveLength(piiVariants.length);
    expect(leakedVariants(redact(all))).toEqual([]);
  });

  const cases: [string, string, string[]?][] = [
    ['请联系 13912345678', '请联系 139****5678'],
    ['电话 +86 139-1234-5678 找我', '电话 139****5678 找我'],
    ['座机 023-12345678', '座机 023-****5678'],
    ['座机(023)12345678', '座机(023)****5678'],
    ['身份证 500101199001011234', '身份证 500101********1234'],
    ['身份证号 50010119900101123X', '身份证号 500101********123X'],
    ['卡号 6222 0212 3456 7890 123', '卡号 6222 **** **** 0123'],
    ['邮箱 li.xiuying@example.com', '邮箱 l***@example.com'],
    ['住 7栋2单元301室', '住 7栋2单元***室'],
    ['3 栋 2 单元 1201 室，共 45 户', '3 栋 2 单元 **** 室，共 45 户'],
    ['充电隐患（13812345678 反映）', '充电隐患（138****5678 反映）'],
    ['张阿姨说门口路灯坏了', '张**说门口路灯坏了', ['张阿姨']],
  ];
  it.each(cases)('%s', (input, expected, names) => {
    expect(redact(input, { names })).toBe(expected);
  });

  // What the public needs to read stays: where, when, how many, which case.
  const kept = [
    '滨河路12号门口的路灯坏了',
    '滨河路12号3栋楼下',
    '2026 年 11 月 29 日',
    '2026-11-29 14:30 已处理',
    '2026.11.29 回访',
    '编号 20261118123456 的诉求',
    '共 45 户，涉及 3 栋',
    '费用 1200 元，面积 85.5 平方米',
    '拨打 12345 热线',
    '经度 106.551234',
  ];
  it.each(kept)('keeps %s', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('is idempotent: masked text passes again unchanged', () => {
    const once = redact(piiVariants.map((v) => v.text).join(' '));
    expect(redact(once)).toBe(once);
  });

  it('masks a name to its family name', () => {
    expect(maskName('王芳')).toBe('王*');
    expect(maskName(null)).toBeNull();
  });
});
