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

/**
 * China has kept UTC+8 without summer time since its last one ended in September 1991, so from 1992 on
 * the fields are read off the shifted instant: even a shared Intl formatter costs 1.6 µs a date (45 ms
 * an export of 9,500 rows), the arithmetic a tenth of that. Earlier times (summer time, local mean
 * time before 1901) and years past four digits keep the formatter, which knows the history.
 */
const fixedOffsetFrom = Date.UTC(1992, 0, 1);
/** China's offset from UTC since 1992: eight hours, all year. */
export const chinaOffsetMs = 8 * 3_600_000;
const fixedOffsetUntil = Date.UTC(10_000, 0, 1) - chinaOffsetMs;

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

function formatChinaTime(ms: number): string {
  if (!(ms >= fixedOffsetFrom && ms < fixedOffsetUntil)) return chinaDateTime.format(ms);
  const t = new Date(ms + chinaOffsetMs);
  return `${t.getUTCFullYear()}/${t.getUTCMonth() + 1}/${t.getUTCDate()} ${twoDigits(t.getUTCHours())}:${twoDigits(t.getUTCMinutes())}:${twoDigits(t.getUTCSeconds())}`;
}

/** "2026/12/7 09:05:03", or '' for no time; a number is milliseconds since the epoch. */
export const chinaTime = (at: string | number | Date | null | undefined): string => {
  if (at === null || at === undefined || at === '') return '';
  return formatChinaTime(typeof at === 'string' ? Date.parse(at) : at.valueOf());
};
