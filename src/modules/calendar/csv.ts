import { AppError } from '../../lib/errors.js';
import type { CalendarDay } from './store.js';

const kinds: Record<string, CalendarDay['kind']> = { holiday: 'holiday', workday: 'workday', 休: 'holiday', 班: 'workday' };

/** Parses "day,kind,note" lines; any bad line rejects the whole file, naming the line. */
export function parseCalendarCsv(text: string): CalendarDay[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const days: CalendarDay[] = [];
  const errors: string[] = [];
  lines.forEach((line, i) => {
    if (!line.trim() || (i === 0 && /^day\b|^日期/.test(line))) return;
    const [day = '', kind = '', ...rest] = line.split(',').map((s) => s.trim());
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(day) &&
      !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
      new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
    if (!valid) errors.push(`第 ${i + 1} 行日期无效 / line ${i + 1}: bad date "${day}"`);
    else if (!kinds[kind]) errors.push(`第 ${i + 1} 行类型应为 holiday/workday/休/班 / line ${i + 1}: kind "${kind}"`);
    else days.push({ day, kind: kinds[kind], note: rest.join(',').slice(0, 100) });
  });
  if (errors.length) {
    throw new AppError('request.invalid', {
      zh: `日历导入失败，未保存任何内容：${errors.slice(0, 5).join('；')}`,
      en: `Calendar import failed; nothing was saved: ${errors.slice(0, 5).join('; ')}`,
      details: { errors },
    });
  }
  if (days.length === 0) throw new AppError('request.invalid', { zh: '文件中没有日期。', en: 'The file lists no days.' });
  return days;
}
