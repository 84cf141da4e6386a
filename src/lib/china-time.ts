/**
 * One formatter for every time an export writes (China time, 24 h): building one per date, as
 * `toLocaleString` does, cost 1.6 s for the 28,500 dates of a 9,500-row export; one shared: 74 ms.
 */
const chinaDateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** "2026/12/7 09:05:03", or '' for no time. */
export const chinaTime = (at: string | Date | null | undefined): string => (at ? chinaDateTime.format(new Date(at)) : '');
