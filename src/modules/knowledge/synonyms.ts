/**
 * Words residents and articles use for the same thing: a question in one is expanded with the
 * others (高龄津贴 ~ 八十 补贴). Groups, not pairs: every word of a group stands for all of them.
 */
export const synonymGroups: string[][] = [
  ['高龄津贴', '高龄补贴', '高龄', '长寿金', '老年补贴', '老人补贴', '八十', '九十', '百岁', '80岁', '90岁'],
  ['养老金', '退休金', '退休工资', '养老保险'],
  ['资格认证', '认证', '年审', '刷脸', '生存认证'],
  ['医保', '医疗保险', '合作医疗', '新农合', '参保'],
  ['特病', '特殊疾病', '慢性病', '慢特病', '门特', '尿毒症', '糖尿病', '透析'],
  ['低保', '最低生活保障', '困难', '救助', '收入低'],
  ['残疾证', '残疾人', '残疾', '残联', '残疾鉴定', '腿脚不方便'],
  ['落户', '上户口', '户口', '上户', '户籍'],
  ['新生儿', '出生', '宝宝', '刚出生', '小孩出生'],
  ['失业', '失业金', '失业保险', '裁员', '辞职', '离职', '下岗'],
  ['燃气', '天然气', '煤气', '液化气', '燃气表', '煤气表'],
  ['开户', '报装', '开通', '安装'],
  ['公积金', '住房公积金'],
  ['提取', '取出', '拿出来', '取'],
  ['培训', '学习班', '技能培训', '农技', '种植技术', '种植'],
  ['入学', '上小学', '一年级', '读书', '上学', '学位', '学区'],
  ['缴费', '交钱', '交费', '交多少'],
];

const lookup = new Map<string, string[]>();
for (const group of synonymGroups) for (const w of group) lookup.set(w, group);

/** The synonyms of a word (itself excluded), or none. */
export const synonymsOf = (word: string): string[] => (lookup.get(word) ?? []).filter((w) => w !== word);

/** Every synonym written in the text, found by substring: 我妈今年八十了 holds 八十. */
export const synonymsIn = (text: string): string[] => [...lookup.keys()].filter((w) => text.includes(w));
