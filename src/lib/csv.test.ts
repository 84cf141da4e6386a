import { describe, expect, it } from 'vitest';
import { csvCell, neutralised, parseCsv, parseCsvObjects } from './csv.js';

describe('csv', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
  });
  it('drops a BOM and keys rows by header', () => {
    expect(parseCsvObjects('\uFEFFid,title\n1,路灯\n')).toEqual([{ id: '1', title: '路灯' }]);
  });
  it('keeps empty trailing fields', () => {
    expect(parseCsv('a,,\n')).toEqual([['a', '', '']]);
  });
  it('round-trips through csvCell', () => {
    const values = ['plain', 'a,b', 'q"q', 'line\nbreak'];
    expect(parseCsv(values.map(csvCell).join(','))).toEqual([values]);
  });
});

describe('csv export cells', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+86 139', "'+86 139"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['区城市管理局', '区城市管理局'],
    ['a,b', '"a,b"'],
  ])('%s', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
  it('keeps numbers as numbers', () => {
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('cells a spreadsheet would run as formulas', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [' =2+2', "' =2+2"],
    ['\u3000=2+2', "'\u3000=2+2"],
    ['\u00a0+1', "'\u00a0+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['\t1', "'\t1"],
    ['路灯 = 不亮', '路灯 = 不亮'],
    ['13800138000', '13800138000'],
    ['', ''],
  ])('%j → %j', (text, shown) => expect(neutralised(text)).toBe(shown));
});
