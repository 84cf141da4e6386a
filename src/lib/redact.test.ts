import { describe, expect, it } from 'vitest';
import { maskName, redact } from './redact.js';

describe('public redaction', () => {
  const cases: [string, string, string[]?][] = [
    ['请联系 13912345678', '请联系 139****5678'],
    ['电话 +86 139-1234-5678 找我', '电话 +86 139****5678 找我'],
    ['座机 023-12345678', '座机 023-****5678'],
    ['座机(023)12345678', '座机(023)****5678'],
    ['身份证 500101199001011234', '身份证 500101********1234'],
    ['身份证号 50010119900101123X', '身份证号 500101********123X'],
    ['卡号 6222 0212 3456 7890 123', '卡号 6222 **** **** 0123'],
    ['张阿姨说门口路灯坏了', '张**说门口路灯坏了', ['张阿姨']],
    ['3 栋 2 单元 1201 室，共 45 户', '3 栋 2 单元 1201 室，共 45 户'],
    ['2026 年 11 月 29 日', '2026 年 11 月 29 日'],
  ];
  it.each(cases)('%s', (input, expected, names) => {
    expect(redact(input, { names })).toBe(expected);
  });
  it('masks a name to its family name', () => {
    expect(maskName('王芳')).toBe('王*');
    expect(maskName(null)).toBeNull();
  });
});
