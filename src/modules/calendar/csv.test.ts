import { describe, expect, it } from 'vitest';
import { parseCalendarCsv } from './csv.js';

describe('calendar CSV', () => {
  it('reads English and Chinese kinds and skips a header', () => {
    expect(parseCalendarCsv('day,kind,note\n2026-10-01,holiday,国庆节\n2026-10-10,班,调休\n')).toEqual([
      { day: '2026-10-01', kind: 'holiday', note: '国庆节' },
      { day: '2026-10-10', kind: 'workday', note: '调休' },
    ]);
  });
  it.each([
    ['2026-02-30,holiday', /line 1: bad date/],
    ['2026-10-01,off', /line 1: kind/],
    ['2026-10-01,holiday\nnot-a-date,holiday', /line 2/],
    ['', /no days/],
  ])('rejects %j', (csv, message) => {
    expect(() => parseCalendarCsv(csv)).toThrow(message);
  });
});
