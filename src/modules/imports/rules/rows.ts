import { chinaOffsetMs } from '../../../lib/china-time.js';
import type { ImportColumns } from '../tables.js';

/** "2019-04-25T09:32:09+08:00", "2019-04-25 09:32:09", "2019/4/25 9:32": times without a zone are China time. */
export function parseTime(text: string): Date | null {
  const t = text.trim();
  if (!t) return null;
  if (/^\d{4}-\d{2}-\d{2}T.+([+-]\d{2}:?\d{2}|Z)$/.test(t)) {
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // 2019-02-30 rolls over to March: refused rather than guessed.
  if (local.getUTCMonth() !== mo - 1 || local.getUTCDate() !== d) return null;
  return new Date(local.getTime() - chinaOffsetMs);
}

export type ParsedRow = {
  number: string;
  title: string | null;
  content: string;
  createdAt: Date;
  replyText: string | null;
  repliedAt: Date | null;
  reporterName: string | null;
  region: string | null;
  category: string | null;
  unit: string | null;
};

/** One row of the file, checked on its own: a row is imported whole or reported with every problem it has. */
export function readRow(raw: Record<string, string>, cols: ImportColumns): { row: ParsedRow } | { problems: string[] } {
  const cell = (key: string | undefined) => (key ? (raw[key] ?? '').trim() : '');
  const problems: string[] = [];
  const number = cell(cols.number);
  if (!number) problems.push('缺少编号');
  else if (!/^[\w-]{1,40}$/.test(number)) problems.push(`编号“${number.slice(0, 40)}”只能含字母、数字、下划线或短横线（至多 40 位）`);
  const content = cell(cols.content);
  if (!content) problems.push('缺少诉求内容');
  else if (content.length > 20_000) problems.push('诉求内容超过 20000 字');
  const createdText = cell(cols.createdAt);
  const createdAt = parseTime(createdText);
  if (!createdAt) problems.push(createdText ? `登记时间“${createdText}”无法识别` : '缺少登记时间');
  const replyText = cell(cols.replyText) || null;
  const repliedText = cell(cols.repliedAt);
  const repliedAt = parseTime(repliedText);
  if (repliedText && !repliedAt) problems.push(`答复时间“${repliedText}”无法识别`);
  if (replyText && !repliedAt && !repliedText) problems.push('有答复内容但缺少答复时间');
  if (createdAt && repliedAt && repliedAt < createdAt) problems.push('答复时间早于登记时间');
  const title = cell(cols.title) || null;
  if (title && title.length > 200) problems.push('标题超过 200 字');
  if (problems.length) return { problems };
  return {
    row: {
      number,
      title,
      content,
      createdAt: createdAt!,
      replyText,
      repliedAt: replyText ? repliedAt : null,
      reporterName: cell(cols.reporterName) || null,
      region: cell(cols.region) || null,
      category: cell(cols.category) || null,
      unit: cell(cols.unit) || null,
    },
  };
}
