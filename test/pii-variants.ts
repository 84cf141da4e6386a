/**
 * Personal data as people really type it into free text, each with what must never come out of a public
 * endpoint (`secret`, compared after `exposedForm`): shared by the redaction table test and the test that
 * scans every public operation.
 */
export const piiVariants: { label: string; text: string; secret: string }[] = [
  { label: 'mobile, full-width digits', text: '１３９８７６５４３２１', secret: '13987654321' },
  { label: 'mobile with dots', text: '139.8765.4322', secret: '13987654322' },
  { label: 'mobile with spaces', text: '139 8765 4323', secret: '13987654323' },
  { label: 'mobile in brackets', text: '(139)8765-4325', secret: '13987654325' },
  { label: 'mobile in full-width brackets', text: '（１３９）８７６５－４３２６', secret: '13987654326' },
  { label: 'mobile +86 spaced', text: '+86 139 8765 4327', secret: '13987654327' },
  { label: 'mobile +86 joined', text: '+8613987654328', secret: '13987654328' },
  { label: 'mobile 0086 dashed', text: '0086-139-8765-4329', secret: '13987654329' },
  { label: 'mobile plain', text: '13787654320', secret: '13787654320' },
  { label: 'ID number, 18 digits', text: '110101199003071234', secret: '110101199003071234' },
  { label: 'ID number, 18 with X', text: '11010119900307124X', secret: '11010119900307124X' },
  { label: 'ID number, 15 digits', text: '110101900307125', secret: '110101900307125' },
  { label: 'landline with area code', text: '023-4678 1234', secret: '46781234' },
  { label: 'landline in brackets', text: '(023)46781236', secret: '46781236' },
  { label: 'landline, 8 digits alone', text: '46781235', secret: '46781235' },
  { label: 'landline, 8 digits dashed', text: '4678-1237', secret: '46781237' },
  { label: 'bank card grouped', text: '6222 0212 3456 7890 123', secret: '6222021234567890123' },
  { label: 'e-mail', text: 'zhang.xiuying@example.com', secret: 'zhang.xiuying@example.com' },
  { label: 'flat, 栋 单元 室', text: '7栋2单元301室', secret: '2单元301' },
  { label: 'flat, 号楼 单元', text: '3号楼1单元502', secret: '1单元502' },
  { label: 'flat, 幢 and a dash', text: '12幢3-201', secret: '3-201' },
  { label: 'room alone', text: '1203室', secret: '1203室' },
  { label: 'mobile with ideographic full stops', text: '139。8765。4330', secret: '13987654330' },
  { label: 'mobile with commas', text: '139，8765，4331', secret: '13987654331' },
  { label: 'mobile with tabs', text: '139\t8765\t4332', secret: '13987654332' },
  { label: 'mobile in lenticular brackets', text: '【139】8765 4333', secret: '13987654333' },
  { label: 'mobile across lines', text: '139\n8765\n4334', secret: '13987654334' },
  { label: 'ID number with a stray space', text: '110101199003072 34X', secret: '11010119900307234X' },
  { label: 'ID number in fours', text: '110101 1990 0307 134X', secret: '11010119900307134X' },
  { label: 'e-mail, a Chinese mailbox', text: '张秀英@qq.com', secret: '张秀英@' },
  { label: 'e-mail, an ideographic full stop', text: 'li.ming@example。com', secret: 'li.ming@' },
  { label: 'flat, 栋 and a dash', text: '5栋-1102', secret: '栋-1102' },
  { label: 'flat after an estate', text: '新华小区1103', secret: '小区1103' },
  { label: 'flat, lettered 栋 and 楼', text: 'B栋11楼02号', secret: '11楼02' },
  { label: 'name after 联系人', text: '联系人：王建国', secret: '王建国' },
  { label: 'name after 我叫', text: '我叫李明华', secret: '李明华' },
  { label: 'QQ number', text: 'QQ号：583920174', secret: '583920174' },
  { label: 'WeChat id', text: '微信 zhangwei_88', secret: 'zhangwei_88' },
  { label: 'number plate', text: '渝A12345', secret: 'A12345' },
];

const fold = (text: string) =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000]/g, ' ')
    .replace(/[\u2010-\u2015]/g, '-');

/** Text as a reader would take it in: full-width characters as ASCII, brackets gone, separators between digits dropped. */
export const exposedForm = (text: string) =>
  fold(text)
    .replace(/[()+]/g, '')
    .replace(/(?<=\d)[\s.。，,~【】-]+(?=\d)/g, '');

/** The variants that come through `text`, if any (by label): numbers however separated, other secrets as written. */
export function leakedVariants(text: string): string[] {
  const exposed = exposedForm(text);
  const folded = fold(text);
  return piiVariants.filter((v) => (/^\d+X?$/.test(v.secret) ? exposed.includes(v.secret) : folded.includes(v.secret))).map((v) => v.label);
}
