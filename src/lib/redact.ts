/**
 * The one redaction for text that leaves through a public endpoint: mobile and landline numbers, identity
 * and bank card numbers, e-mail addresses, flat numbers, the reporter's own name and the names of the people
 * a resident writes about (王阿姨, 邻居钱七) are masked, whatever field they were typed into and however they
 * were written (full-width, bold or circled digits, Chinese numerals, dots, spaces, slashes, zero-width
 * characters, brackets, +86, letters glued on). Applied on the way out (see `redactTree` and the public gate),
 * so stored text stays as given.
 */

/**
 * What a writer may put between two digits of one number (after folding): a run of up to five — spaces, tabs and
 * line breaks, dots, dashes, slashes, lenticular brackets (【138】0013 8000).
 */
const sepChars = ' \\t\\r\\n.\\-_/、·・【】\\u200B-\\u200D\\u2060\\uFEFF';
const S = `[${sepChars}]{0,5}`;
/**
 * Between the groups of a mobile written 3-4-4 a writer also puts commas, ideographic full stops, tildes and
 * asterisks (138。0013。8000, 138*0013*8000). Only there: elsewhere a comma separates two numbers.
 */
const G = `[${sepChars}。，,~*]{1,5}`;
const digits = (m: string) => m.replace(/[^\dXx]/g, '');

// ---- Folding: the text as a reader takes it in, with a map back to the writer's characters ----

const spaceLike = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
const dashLike = /[\u2010-\u2015\u2212\uFE58\uFE63]/;
/** Characters that read as ASCII: full-width forms, odd spaces and dashes, super/subscript, circled and bold digits. */
const foldable =
  /[\u00A0\u00B2\u00B3\u00B9\u2000-\u200A\u2010-\u2015\u202F\u205F\u2070-\u2089\u2212\u2460-\u2473\u24EA-\u24FF\u2776-\u2793\u3000\uFE58\uFE63\uFF01-\uFF5E]|\uD835[\uDFCE-\uDFFF]/g;

const anyFoldable = new RegExp(foldable.source);

function foldOne(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xfee0);
  if (spaceLike.test(ch)) return ' ';
  if (dashLike.test(ch)) return '-';
  // Circled digits NFKC leaves alone: ⓫–⓴, ⓵–⓾, ⓿ and the dingbat families ❶ ➀ ➊.
  if (cp >= 0x24eb && cp <= 0x24f4) return String(cp - 0x24eb + 11);
  if (cp >= 0x24f5 && cp <= 0x24fe) return String(cp - 0x24f5 + 1);
  if (cp === 0x24ff) return '0';
  if (cp >= 0x2776 && cp <= 0x2793) return String(((cp - 0x2776) % 10) + 1);
  const k = ch.normalize('NFKC');
  return /^\d+$/.test(k) ? k : ch;
}

/** Chinese numerals as a phone is read out (幺 for one, 两 for two, 洞 拐 勾 as on the radio) and their banker's forms. */
const hanDigit: Record<string, string> = Object.fromEntries(
  ['零〇○洞', '一幺壹', '二两贰', '三叁', '四肆', '五伍', '六陆', '七拐柒', '八捌', '九勾玖'].flatMap((cs, d) =>
    [...cs].map((c) => [c, String(d)]),
  ),
);
const hanDigits = Object.keys(hanDigit).join('');
const numeralRun = new RegExp(`[0-9${hanDigits}](?:${S}[0-9${hanDigits}])*`, 'g');
const hanDigitRe = new RegExp(`[${hanDigits}]`, 'g');
const hasHanDigit = new RegExp(`[${hanDigits}]`);

/** `start[i]`/`end[i]`: the span of the original that folded unit i came from; null where the fold changed nothing. */
type Folded = { text: string; start: number[] | null; end: number[] | null };

/**
 * The text with every foldable character read as ASCII, and for each folded unit the span of the original it
 * came from (a bold digit is two units, ⑩ folds to two digits), so a match found in the fold is replaced in
 * the original. Chinese numerals turn into digits only in a run of seven or more numerals (一三八零零…, 138零零…):
 * shorter runs are words (三三两两), dates (二〇二六年) and flats (五零一室, read by the flat rules as written).
 */
function fold(text: string): Folded {
  // Most texts have nothing to fold: each unit is then its own span, and no map is built. (Chinese numerals read
  // as digits keep the map: each is one unit, as its digit is.)
  if (!anyFoldable.test(text)) return { text: readNumerals(text), start: null, end: null };
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  const keep = (upto: number) => {
    out += text.slice(at, upto);
    for (let i = at; i < upto; i++) {
      start.push(i);
      end.push(i + 1);
    }
  };
  for (const m of text.matchAll(foldable)) {
    const i = m.index ?? 0;
    keep(i);
    const f = foldOne(m[0]);
    out += f;
    for (let k = 0; k < f.length; k++) {
      start.push(i);
      end.push(i + m[0].length);
    }
    at = i + m[0].length;
  }
  keep(text.length);
  return { text: readNumerals(out), start, end };
}

/** A run of seven numerals or more: most texts have none, and are left without a call per 一 and 三 in them. */
const longNumeralRun = new RegExp(`[0-9${hanDigits}](?:${S}[0-9${hanDigits}]){6,}`);

function readNumerals(text: string): string {
  if (!longNumeralRun.test(text)) return text;
  return text.replace(numeralRun, (run) =>
    hasHanDigit.test(run) && run.replace(/[^\d\p{Script=Han}]/gu, '').length >= 7 ? run.replace(hanDigitRe, (c) => hanDigit[c]) : run,
  );
}

// ---- The rules: numbers, flats, then people ----

/**
 * Masks a match, given its folded text and groups; null keeps what was written. The third part, when given, is a
 * cheap test the folded text passes whenever the rule could match at all: most texts have no number, no flat and no
 * title, and a plain search skips the rule's scan with its look-behinds.
 */
type Rule = [RegExp, (m: string, ...groups: string[]) => string | null, ((text: string) => boolean)?];

/** A numeral in a flat: Arabic, or Chinese (十 for 十二栋). */
const han = '零〇○一二三四五六七八九十两幺';
const N = `(?:\\d{1,4}|[${han}]{1,4})`;
/** A room or a floor and door: 501, 五零一, 5层1号 (a floor alone stays). */
const room = `(?:${N}\\s{0,2}[层楼]\\s{0,2}${N}|\\d{3,4}|[${han}]{3,5})`;
/** What turns a number after a building into a count, an amount or a date rather than a room. */
const notRoom = `(?![\\d${han}]|\\s{0,2}(?:年|月|日|元|块|万|千|百|米|平|个|人|户|次|辆|台|件|天|小时|分|点|岁|多|余|%|度|公里|斤|吨|楼|层|栋|幢|单元|路|号线|号楼))`;
const numeralRe = new RegExp(`[\\d${han}]`, 'g');
const hideNumerals = (s: string) => s.replace(numeralRe, '*');

/** Year-like rooms after a dashed pair (7-12-2026) read as a date and stay. */
const dateLike = /^20[0-3]\d$/;
/** An eight-digit number that reads as a date (20261207) is not a local landline. */
const yyyymmdd = /^20[0-3]\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

// Surnames seldom anything else in front of a title, and surnames that are everyday characters too (任何老师,
// 保安师傅, 中文老师, 十分钟师傅): the second only where no Han character, or a small word like 找 or 和, sits before.
const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭林罗郑梁宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶苏魏吕丁沈姚卢姜崔谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫段雷侯龙陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤牛樊葛邢乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿焦俞左柳舒阮柯纪梅童凌毕裴霍涂翁冉骆辛靳柴鲍喻祁蒲滕饶牟艾尤穆卓缪褚娄窦戚岑瞿佟臧闵苟邬卞姬栾隋刁巫寇桑郎甄虞敖巩佘邝';
const everyday = '高何金程谢石白江方于余付常文史任安卫车管路钟全明成时向和康华万谷盛蓝甘宁尚包齐单商房易应苗施';
const compound = '欧阳|司马|上官|诸葛|东方|皇甫|慕容|令狐|夏侯|公孙|司徒|尉迟|长孙|端木';
const titles = '大妈|大爷|阿姨|叔叔|先生|女士|小姐|师傅|经理|老师|大姐|大哥|奶奶|爷爷|大婶|阿婆|伯伯|大伯|婆婆';
const before = '(?<=^|[^\\u4e00-\\u9fff]|[的和与跟给找请让叫被对是说问位有同于])';
/** Words after 邻居/楼下 that start with a surname but are not a person (楼下马路, 楼上凌晨, 邻居陆续). */
const notNames =
  '马路|马桶|马上|周[一二三四五六日天末边围]|曾经|陆续|孙子|孙女|夏天|夏季|叶子|黄色|黄昏|林荫|毛坯|龙[头虾]|牛[奶肉]|韩[式国]|熊孩|左[右边侧]|严重|许多|许久|丁字|范围|雷[声雨]|柳树|梅[花雨]|杨[树柳]|汪汪|岳[父母]|欧式|乔迁|纪念|童[车年]|凌晨|涂料|辛苦|柴油|尤其|刁难|桑拿|巩固|颜色|庞大|莫名|顾[客不]|黎明|杜绝|田地|胡[同乱]|陈[旧设]|张[贴望]';
/** Characters that end a name written after a cue word (邻居钱七说, 邻居王小明家). */
const nameStop = '说讲家的在是总经常又也都和跟把被等们一直不没有要会就还再已将了着过来去让给对向从很太最每天晚早上下午夜里住';

/** At least `n` ASCII digits anywhere: every phone, identity and card number has seven or more. */
function digitsAtLeast(t: string, n: number): boolean {
  let k = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++k >= n) return true;
  }
  return false;
}
// Six number rules ask of the same text in turn: the last answer is kept.
let lastAsked: { text: string; yes: boolean } = { text: '', yes: false };
const hasSevenDigits = (t: string) => {
  if (lastAsked.text !== t) lastAsked = { text: t, yes: digitsAtLeast(t, 7) };
  return lastAsked.yes;
};
/** Every flat rule names a building, a unit, a floor or a room. */
const flatWord = /单元|栋|幢|楼|座|室|号房|小区|花园|家园|公寓|大厦|新村|住/;
const mayBeFlat = (t: string) => flatWord.test(t);
const titleWord = new RegExp(titles);
const cueWord = /邻居|隔壁|楼上|楼下|对门/;
const introWord = /我叫|名叫|联系人|姓名|住户|业主|户主|署名/;

const rules: Rule[] = [
  // E-mail: the first letter of the mailbox and its domain stay. A mailbox may be a name in Chinese (张秀英@qq.com, up to
  // four characters before the @), a dot an ideographic full stop (qq。com).
  // It starts where the run of mailbox characters starts, so a long run without an @ is read once, not once per character.
  [
    /(?<![A-Za-z0-9._%+-])(?:[A-Za-z0-9._%+-]+|[\u4e00-\u9fff]{1,4})@[A-Za-z0-9-]+(?:[.。][A-Za-z0-9-]+)*[.。][A-Za-z]{2,}/g,
    (m) => `${m[0]}***@${m.split('@')[1]}`,
    (t) => t.includes('@'),
  ],
  // 18-digit identity numbers (a check character X at the end), grouped 6-8-4, in fours, or with a stray space: read
  // before the mobiles, whose eleven digits fit inside one (110101 1990 0307 124X).
  [
    // Not one digit more on either side, however separated: two numbers side by side are not one identity number.
    new RegExp(`(?<!\\d${S})(\\d(?:${S}\\d){5})${S}\\d(?:${S}\\d){7}${S}(\\d(?:${S}\\d){2}${S}[\\dXx])(?![A-Za-z]|${S}\\d)`, 'g'),
    (_m, a, b) => `${digits(a)}********${digits(b)}`,
    hasSevenDigits,
  ],
  // Mobile numbers, +86 / 86 / 0086 or not, grouped any way (3-4-4, 4-3-4, a space between every digit), the
  // first group in brackets or not, letters glued on or not (tel138…). Never a piece of a longer digit run.
  [
    new RegExp(`(?<!\\d)(?:(?:\\+|00)?86${S})?(?:\\(1[3-9]\\d\\)|1${S}[3-9]${S}\\d)(?:${S}\\d){8}(?!\\d)`, 'g'),
    // A bracket is part of the number only when it closes around the prefix: "（13812345678 反映）" keeps its own.
    (m) => {
      const d = digits(m).slice(-11);
      return `${d.slice(0, 3)}****${d.slice(-4)}`;
    },
    hasSevenDigits,
  ],
  // A mobile in its three groups, whatever stands between them.
  [
    new RegExp(`(?<![\\d*])1[3-9]\\d${G}\\d{4}${G}\\d{4}(?!\\d)`, 'g'),
    (m) => {
      const d = digits(m);
      return `${d.slice(0, 3)}****${d.slice(-4)}`;
    },
    hasSevenDigits,
  ],
  // Bank cards: 16–19 digits, grouped by fours or not.
  [
    new RegExp(`(?<!\\d)(?:\\d{4}(?:${S}\\d{4}){3}(?:${S}\\d{1,3})?|\\d{16,19})(?!\\d)`, 'g'),
    (m) => {
      const d = digits(m);
      return `${d.slice(0, 4)} **** **** ${d.slice(-4)}`;
    },
    hasSevenDigits,
  ],
  // 15-digit identity numbers of the first generation.
  [new RegExp(`(?<!\\d)(\\d{6})${S}\\d{6}${S}(\\d{3})(?!\\d)`, 'g'), (_m, a, b) => `${a}******${b}`, hasSevenDigits],
  // Landlines with an area code: 023-4678 1234, (023)46781234, 02346781234.
  [
    new RegExp(`(?<!\\d)(\\(?0\\d{2,3}\\)?)${S}\\d{3,4}${S}(\\d{4})(?!\\d)`, 'g'),
    (_m, a, b) => `${a}${a.endsWith(')') ? '' : '-'}****${b}`,
    hasSevenDigits,
  ],
  // Local landlines: eight digits, 4678-1234 or 46781234 (never inside a decimal, a longer number, a date like
  // 20261207, or a run of letters and digits such as a hash, where eight digits turn up by chance). A slash before
  // it is a path's (img/46781234.jpg): masked like any.
  [
    new RegExp(`(?<![\\dA-Za-z.\\-_:])[2-9]\\d{3}${S}(\\d{4})(?![\\dA-Za-z]|[.\\-/]\\d)`, 'g'),
    (m, b) => (yyyymmdd.test(digits(m)) ? null : `****${b}`),
    hasSevenDigits,
  ],
  // A flat: building, unit and room (7栋2单元301室, 三号楼二单元五零一室, 3号楼2单元5层1号, 12幢3-201) — the room
  // goes. A road number (滨河路12号), a building alone and a floor alone stay: they say where the street light is.
  [new RegExp(`(${N}\\s{0,2}单元\\s{0,2}-?\\s{0,2})(${room})${notRoom}`, 'g'), (_m, a, r) => a + hideNumerals(r), mayBeFlat],
  [
    new RegExp(`(${N}\\s{0,2}(?:栋|幢|号楼|座|楼)\\s{0,2}\\d{1,2}\\s{0,2}-\\s{0,2})(${room})${notRoom}`, 'g'),
    (_m, a, r) => a + hideNumerals(r),
    mayBeFlat,
  ],
  // A building and a room without a unit: 3栋502, 5栋-1102, A座1203, B栋11楼02号.
  [
    new RegExp(`((?:${N}\\s{0,2}(?:栋|幢|号楼|座)|(?<![A-Za-z])[A-Za-z]\\s?(?:座|栋|幢|号楼))\\s{0,2}-?\\s{0,2})(${room})${notRoom}`, 'g'),
    (_m, a, r) => a + hideNumerals(r),
    mayBeFlat,
  ],
  // Building-unit-room with dashes: 3-2-501. 2026-12-07 does not fit; 7-12-2026 does, and stays as a date.
  [
    /(?<![\d\-.:/])(\d{1,3}\s?-\s?\d{1,2}\s?-\s?)(\d{3,4})(?![\d\-.:/%]|\s?(?:年|元|米|人|户|次))/g,
    (_m, a, r) => (dateLike.test(r) ? null : a + hideNumerals(r)),
    (t) => t.includes('-'),
  ],
  // A number after an estate's name or after 住 is a flat: 新华小区1102, 小区 5-1102, 住5-1102 (not 小区 120 户).
  [
    new RegExp(`((?:小区|花园|家园|公寓|大厦|新村|住在|家住|住)\\s{0,2}(?:\\d{1,3}\\s?-\\s?)?)(\\d{3,4})${notRoom}(?![\\-.:/%])`, 'g'),
    (_m, a, r) => (dateLike.test(r) ? null : a + hideNumerals(r)),
    mayBeFlat,
  ],
  // A room alone: 301室, 1201 号房, 五零一室.
  [
    new RegExp(`(?<![\\d*${han}])(\\d{3,4}|[${han.replace('十', '')}]{3,4})(\\s{0,2}(?:室|号房))`, 'g'),
    (_m, r, tail) => hideNumerals(r) + tail,
    mayBeFlat,
  ],
  // Someone named by family name and title: 王阿姨, 物业刘经理, 欧阳老师 — the family name stays, as for the reporter.
  [
    new RegExp(`(${compound}|[${surnames}]|${before}[${everyday}])(${titles})`, 'g'),
    (_m, s, t) => `${s}${'*'.repeat(s.length - 1 + t.length)}`,
    (t) => titleWord.test(t),
  ],
  // A neighbour's name after the word that points at them: 邻居钱七, 隔壁的王小明 (not 楼下马路, 楼上凌晨).
  [
    new RegExp(
      `((?:邻居|隔壁|楼上|楼下|对门)(?:的|家的?)?)(?!${notNames})([${surnames}])((?:(?![${nameStop}])[\\u4e00-\\u9fff]){1,2})`,
      'g',
    ),
    (_m, cue, s, given) => `${cue}${s}${'*'.repeat(given.length)}`,
    (t) => cueWord.test(t),
  ],

  // A name the writer introduces: 我叫李明, 联系人：王建国, 住户王建国, 姓名 张三 (not 联系人电话, 业主群).
  [
    new RegExp(
      `(?<=(?:我叫|名叫|联系人|姓名|住户|业主|户主|署名)[：:\\s]{0,2})(?!${notNames}|电话|手机|方式)(${compound}|[${surnames}${everyday}])((?:(?![${nameStop}])[\\u4e00-\\u9fff]){1,2})`,
      'g',
    ),
    (_m, s, given) => `${s}${'*'.repeat(given.length)}`,
    (t) => introWord.test(t),
  ],
  // A person a parcel or a home is named by in an address: 张伟收, 宝城社区 张伟家 (not 张家口, 黄金家园, 收到, 收费).
  [
    new RegExp(
      `${before}(?!${notNames})([${surnames}])((?:(?![${nameStop}收])[\\u4e00-\\u9fff]){1,2})(?=收(?![费到取入集拾益回])|家(?![园属具电政庭乡长]))`,
      'g',
    ),
    (_m, s, given) => `${s}${'*'.repeat(given.length)}`,
    (t) => t.includes('收') || t.includes('家'),
  ],
  // Accounts and plates a resident gives or complains about: QQ 583920174, 微信 zhangwei_88, 渝A12345.
  [/(?<=(?:QQ|qq)\s{0,2}号?码?[：:]?\s{0,2})\d{5,11}(?!\d)/g, (d) => `${d.slice(0, 2)}****${d.slice(-2)}`, (t) => /qq/i.test(t)],
  [
    /(?<=(?:微信|[Vv][Xx]|[Ww][Xx]|weixin)\s{0,2}号?[：:]?\s{0,2})[A-Za-z][A-Za-z0-9_-]{5,19}(?![A-Za-z0-9_-])/g,
    (id) => `${id[0]}***`,
    (t) => /微信|vx|wx|weixin/i.test(t),
  ],
  [
    /([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])\s?([A-Z])\s?[·.]?\s?([A-Z0-9]{3,4})([A-Z0-9]{2})(?![A-Za-z0-9])/g,
    (_m, p, l, _mid, end) => `${p}${l}***${end}`,
  ],
  [/(?<=护照(?:号码?)?[：:]?\s{0,2})([A-Za-z]{1,2})\d{7,8}(?!\d)/g, (_m, l) => `${l}********`, (t) => t.includes('护照')],
];

export function redact(text: string, opts: { names?: (string | null | undefined)[] } = {}): string {
  let out = text;
  let f = fold(out);
  for (const [re, mask, may] of rules) {
    if (may && !may(f.text)) continue;
    // Matched in the folded text, replaced in the original: the result keeps the writer's characters elsewhere.
    let next = '';
    let from = 0;
    let hit = false;
    for (const m of f.text.matchAll(re)) {
      const at = m.index ?? 0;
      const a = f.start ? f.start[at] : at;
      const b = f.end ? f.end[at + m[0].length - 1] : at + m[0].length;
      if (m[0].length === 0 || a < from) continue;
      next += out.slice(from, a) + (mask(m[0], ...(m.slice(1) as string[])) ?? out.slice(a, b));
      from = b;
      hit = true;
    }
    if (hit) {
      out = next + out.slice(from);
      f = fold(out);
    }
  }
  for (const name of opts.names ?? []) {
    const n = name?.trim();
    if (n && n.length >= 2) out = out.split(n).join(`${n[0]}${'*'.repeat(n.length - 1)}`);
  }
  return out;
}

/** A name shown publicly: the family name and a mask ("王**"). */
export const maskName = (name: string | null) =>
  name?.trim() ? `${name.trim()[0]}${'*'.repeat(Math.max(1, name.trim().length - 1))}` : null;

/** A phone number where its holder is not to be read in full (views, logs): "138****5678", landlines "****5678". */
export function maskPhone(phone: string): string;
export function maskPhone(phone: string | null): string | null;
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  const keepEnd = 4;
  const keepStart = phone.length >= 11 ? 3 : 0;
  return phone.slice(0, keepStart) + '*'.repeat(phone.length - keepStart - keepEnd) + phone.slice(-keepEnd);
}
