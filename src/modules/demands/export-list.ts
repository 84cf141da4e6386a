import { chinaTime as time } from '../../lib/china-time.js';
import { AppError } from '../../lib/errors.js';
import { type Cell, csvStream, xlsxStream } from '../../lib/streamed-table.js';
import type { ExportedDemand } from './queries/export-demands.js';

/** Streamed a page at a time (memory stays flat at any length), an export still ends somewhere a spreadsheet opens quickly. */
export const exportLimit = 100_000;

const zh = {
  channel: {
    web: '网上',
    hotline: '热线',
    walk_in: '来访',
    reception_day: '接待日',
    letter: '来信',
    api: '接口',
    activity: '活动现场',
    city12345: '市12345',
    import: '历史导入',
    sms: '短信',
  },
  type: { consultation: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议' },
  state: {
    registered: '已受理',
    dispatched: '已派单',
    acknowledged: '办理中',
    returned: '已退单',
    replied: '已答复',
    callback_done: '已回访',
    closed: '已办结',
    declined: '不予受理',
    withdrawn: '已撤回',
    merged: '已合并',
  },
} as const;

const header = [
  '编号',
  '登记时间',
  '渠道',
  '类型',
  '状态',
  '标题',
  '内容',
  '区域',
  '地址',
  '分类',
  '承办单位',
  '当前时限',
  '是否超期',
  '诉求人',
  '联系电话',
  '答复',
  '办结时间',
];

/** One row per demand, in Chinese, exactly as the caller may see it (masked phones stay masked). */
function rowOf(d: ExportedDemand): Cell[] {
  return [
    d.number,
    time(d.createdAt),
    zh.channel[d.channel],
    zh.type[d.type],
    zh.state[d.state],
    d.title,
    d.content,
    d.regionName,
    d.address,
    d.categoryName ?? '',
    d.unitName ?? '',
    time(d.stageDueAt),
    d.overdue ? '是' : '',
    d.anonymous ? '（匿名）' : (d.reporterName ?? ''),
    d.reporterPhone ?? '',
    d.replyText ?? '',
    time(d.closedAt),
  ];
}

/** Refuses rather than cuts: a list longer than an export holds is narrowed by the person, not silently truncated. */
export function checkExportSize(rows: number) {
  if (rows > exportLimit) {
    throw new AppError('request.invalid', {
      zh: `符合条件的诉求超过 ${exportLimit} 件，一次最多导出 ${exportLimit} 件，请缩小时间范围或增加筛选条件。`,
      en: `More than ${exportLimit} demands match; an export holds at most ${exportLimit}. Narrow the dates or add filters.`,
      details: { limit: exportLimit },
    });
  }
}

async function* rowPages(pages: AsyncIterable<ExportedDemand[]>): AsyncGenerator<Cell[][]> {
  for await (const page of pages) yield page.map(rowOf);
}

/** `gzip`: gzipped already, for a client that takes it (see csvStream). */
export function demandsCsv(pages: AsyncIterable<ExportedDemand[]>, gzip = false): ReadableStream<Uint8Array> {
  return csvStream(header, rowPages(pages), gzip);
}

export function demandsWorkbook(pages: AsyncIterable<ExportedDemand[]>): ReadableStream<Uint8Array> {
  return xlsxStream('诉求', header, rowPages(pages));
}
