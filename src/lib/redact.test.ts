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

  // What the security review of 2026-12 found coming through, each as it was written: the number survives in
  // the first three and last four digits, the flat in its building and unit, a person in the family name.
  const masked: [string, string][] = [
    // Letters touching the number.
    ['电话tel13800138001', '电话tel138****8001'],
    ['https://img.example.com/46781235.jpg', 'https://img.example.com/****1235.jpg'],
    ['加wx13800138006', '加wx138****8006'],
    ['vx:13800138007abc', 'vx:138****8007abc'],
    ['ID110101199003071234', 'ID110101********1234'],
    ['v138-0013-8000', 'v138****8000'],
    // Separators: runs, odd spaces, zero-width and format characters, 、 _ / and their full-width twins.
    ['138  0013  8010', '138****8010'],
    ['138\u00A00013\u00A08011', '138****8011'],
    ['138\u200B0013\u200B8012', '138****8012'],
    ['138\u200C0013\u200D8013', '138****8013'],
    ['138\u20600013\uFEFF8014', '138****8014'],
    ['138、0013、8015', '138****8015'],
    ['138_0013_8016', '138****8016'],
    ['138/0013/8017', '138****8017'],
    ['138-0013 -8018', '138****8018'],
    ['138 - 0013 - 8019', '138****8019'],
    ['138／0013＿8020', '138****8020'],
    // Other groupings.
    ['1380 013 8021', '138****8021'],
    ['1 3 8 0 0 1 3 8 0 2 2', '138****8022'],
    // Other digit forms.
    ['𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟐𝟑', '138****8023'],
    ['①③⑧⓪⓪①③⑧⓪②④', '138****8024'],
    ['❶❸❽⓿⓿❶❸❽⓿❷❺', '138****8025'],
    ['一三八零零一三八零二六', '138****8026'],
    ['幺三八〇〇幺三八〇二七', '138****8027'],
    ['一三八 零零一三 八零二八', '138****8028'],
    ['138零零138029', '138****8029'],
    ['+86 一三八零零一三八零三零', '138****8030'],
    ['身份证 一一零一零一一九九零零三零七一二三四', '身份证 110101********1234'],
    // Flats.
    ['3-2-501', '3-2-***'],
    ['住3-2-501室', '住3-2-***室'],
    ['3栋502', '3栋***'],
    ['A座1203', 'A座****'],
    ['3号楼二单元501', '3号楼二单元***'],
    ['3号楼2单元5层1号', '3号楼2单元*层*号'],
    ['三号楼二单元五零一室', '三号楼二单元***室'],
    ['十二栋三单元五零二', '十二栋三单元***'],
    ['住2单元501', '住2单元***'],
    ['五零一室', '***室'],
    ['3号楼2单元501室', '3号楼2单元***室'],
    // Other people: a family name with a title, a name after the word that points at a neighbour.
    ['邻居李大妈说', '邻居李**说'],
    ['邻居钱七说水管漏了', '邻居钱*说水管漏了'],
    ['隔壁王阿姨', '隔壁王**'],
    ['楼上张先生', '楼上张**'],
    ['物业刘经理', '物业刘**'],
    ['隔壁的王小明家', '隔壁的王**家'],
    ['对门孙女士', '对门孙**'],
    ['楼下赵大爷', '楼下赵**'],
    ['楼下王府井', '楼下王**'],
    ['欧阳老师来过', '欧阳***来过'],
    ['找高师傅修', '找高**修'],
    ['，何老师说', '，何**说'],
    ['王老师和李先生都来了', '王**和李**都来了'],
    // What a probe of the public pages found next (2026-12-07): other separators, other spellings, other people.
    ['电话138。0013。8000', '电话138****8000'],
    ['电话138，0013，8000', '电话138****8000'],
    ['电话138~0013~8000', '电话138****8000'],
    ['电话138*0013*8000', '电话138****8000'],
    ['电话138\t0013\t8000', '电话138****8000'],
    ['电话138\n0013\n8000', '电话138****8000'],
    ['【138】0013 8000', '【138****8000'],
    ['138 - - 0013 - 8000', '138****8000'],
    ['身份证110101199003071 24X', '身份证110101********124X'],
    ['身份证 110101 1990 0307 124X', '身份证 110101********124X'],
    ['邮箱王建国@qq.com', '邮箱***@qq.com'],
    ['张秀英@qq.com', '张***@qq.com'],
    ['zhangwei@example。com', 'z***@example。com'],
    ['住5栋-1102', '住5栋-****'],
    ['住5-1102', '住5-****'],
    ['B栋11楼02号', 'B栋**楼**号'],
    ['五号楼十一零二', '五号楼****'],
    ['新华小区1102', '新华小区****'],
    ['新华小区 1102 张伟收', '新华小区 **** 张*收'],
    ['宝城社区 张伟家 电话138，0013，8000', '宝城社区 张*家 电话138****8000'],
    ['联系人：王建国，电话', '联系人：王**，电话'],
    ['我叫李明', '我叫李*'],
    ['我是住户王建国', '我是住户王**'],
    ['QQ号：583920174', 'QQ号：58****74'],
    ['微信 zhangwei_88', '微信 z***'],
    ['车牌渝A12345一直占道', '车牌渝A***45一直占道'],
    ['护照E12345678', '护照E********'],
  ];
  it.each(masked)('masks %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
    expect(redact(expected)).toBe(expected);
  });

  // Near misses: numbers and words that look like the above but are what the public needs to read.
  const nearMisses = [
    // Dates, times, amounts, counts.
    '2026-12-07',
    '2026/12/07',
    '2026.12.07',
    '12/07/2026',
    '7-12-2026',
    '3-2-2026',
    '20261207',
    '2026年12月7日',
    '12:30:45',
    '时间 13:00-14:00',
    '10:30-11:30 共 1380 人',
    '1380元',
    '费用 1380 元',
    '6点30分',
    // Case numbers and long runs: a mobile is never a piece of a longer number.
    '编号 20261207526809 的诉求',
    'TJ20261207526809',
    '订单号 12345678901234567890',
    // Places: a road number, a bus line, a building or a floor alone, a count of households.
    '滨河路12号',
    '坐138路公交',
    '12号楼 2026 年',
    '3栋 1200 元',
    '3栋120户',
    '3号楼2单元5楼',
    '3栋1楼',
    // Numerals that are words or list marks, a version, a hash.
    '①路灯坏了②井盖丢了',
    '三三两两',
    '一、二、三、四、五、六、七',
    '第1、2、3、4、5、6、7项',
    'v2.0.13',
    'sha 3f2a46781234bc',
    // Places and words that start with a family name, and roles that are not names.
    '王府井',
    '张家口',
    '李村公园',
    '任何老师',
    '保安师傅',
    '中文老师',
    '历史老师',
    '班主任老师',
    '门卫大爷',
    '出租车师傅',
    '宿管阿姨',
    '十分钟师傅才来',
    '谢谢老师',
    '工程经理',
    '楼下马路',
    '楼上凌晨装修',
    '邻居陆续反映',
    '楼下周末很吵',
    '楼上熊孩子',
    '邻居们',
    '楼下路灯',
    '隔壁单元',
    // Commas, ranges and counts between numbers, places named 家, receipts and fees.
    '第1，2，3项',
    '价格 3，000 元',
    '2000~3000元',
    '小区120户',
    '小区 2026 年改造',
    '张家港',
    '王家湾',
    '黄金家园',
    '李明收到通知了',
    '高速收费站',
    '大家收到',
    '联系人电话',
    '业主群',
    'QQ群',
  ];
  it.each(nearMisses)('keeps %s', (text) => {
    expect(redact(text)).toBe(text);
  });

  // How long the worst cases take is measured by `npm run bench:redact` (a timed test flakes on a busy machine).
  it('redacts a 5,000-character field of numbers and separators whole', () => {
    const fill = (unit: string) => unit.repeat(Math.ceil(5000 / unit.length)).slice(0, 5000);
    expect(redact(fill('13800138000 '))).not.toMatch(/13800138000/);
    expect(redact(fill('  '))).toBe(fill('  '));
  });

  it('masks a name to its family name', () => {
    expect(maskName('王芳')).toBe('王*');
    expect(maskName(null)).toBeNull();
  });
});
