import { useEffect, useState } from 'react';
import { type Answer, client } from '../../shared/client';
import { useApp } from '../app-context';
import { EChart } from '../charts/EChart';

type Rates = Answer<'/rates', 'get'>['total']['rates'];
export type RateRow = Answer<'/rates', 'get'>['units'][number];
const rateKeys = ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeClosureRate'] as const;
const colours = { responseRate: '#0b3d91', resolutionRate: '#237804', satisfactionRate: '#ad4e00', onTimeClosureRate: '#722ed1' } as const;
// The legend has its own row under the title (one scrolling line, so a narrow screen never stacks it onto the plot).
const legendRow = { top: 28, left: 'center', type: 'scroll' } as const;
const gridTop = 64;
const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/** 排名: composite score per unit, townships and departments apart; units under the minimum volume grey, as the rule says. */
export function RankingBars({ rows, townships }: { rows: RateRow[]; townships: boolean }) {
  const { t } = useApp();
  const shown = rows
    .filter((r) => r.rates.score !== null && r.rankGroup === (townships ? 'township' : 'department'))
    .sort((a, b) => (a.groupRank ?? 1e9) - (b.groupRank ?? 1e9))
    .slice(0, 30);
  if (shown.length === 0) return null;
  const label = `${t(townships ? 'rankTownships' : 'rankDepartments')}（${t('unrankedGrey')}）`;
  return (
    <EChart
      label={label}
      testId={townships ? 'chart-rank-townships' : 'chart-rank-departments'}
      height={Math.max(180, shown.length * 26 + 64)}
      option={{
        title: { text: t(townships ? 'rankTownships' : 'rankDepartments'), subtext: t('unrankedGrey'), textStyle: { fontSize: 14 } },
        tooltip: { valueFormatter: (v: number) => `${v}%` },
        // Room under the title and its subtitle (灰色为件数不足…): at 52 the first bar sat on the subtitle.
        grid: { left: 8, right: 48, top: 76, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: shown.map((r) => (r.groupRank ? `${r.groupRank}. ${r.unitName}` : r.unitName)),
          axisLabel: { width: 130, overflow: 'truncate' },
        },
        series: [
          {
            type: 'bar',
            data: shown.map((r) => ({ value: pct(r.rates.score), itemStyle: { color: r.groupRank ? '#0b3d91' : '#bfbfbf' } })),
            label: { show: true, position: 'right', formatter: '{c}%' },
          },
        ],
      }}
    />
  );
}

/** 督办 and overdue per unit: yellow and red marks and late replies, stacked. */
export function MarksChart({ rows }: { rows: RateRow[] }) {
  const { t } = useApp();
  const shown = rows.filter((r) => r.marks.yellow + r.marks.red + r.marks.overdue > 0).slice(0, 20);
  if (shown.length === 0) return null;
  const series = [
    { key: 'yellow', name: t('supervisedYellow'), color: '#d48806' },
    { key: 'red', name: t('supervisedRed'), color: '#a8071a' },
    { key: 'overdue', name: t('overdueReplies'), color: '#595959' },
  ] as const;
  return (
    <EChart
      label={t('marksChart')}
      testId="chart-marks"
      height={Math.max(160, shown.length * 26 + 60)}
      option={{
        title: { text: t('marksChart'), top: 0, textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: legendRow,
        grid: { left: 8, right: 24, top: gridTop, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: shown.map((r) => r.unitName), axisLabel: { width: 130, overflow: 'truncate' } },
        series: series.map((s) => ({
          type: 'bar',
          stack: 'marks',
          name: s.name,
          itemStyle: { color: s.color },
          data: shown.map((r) => r.marks[s.key]),
        })),
      }}
    />
  );
}

function lastSixMonths(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  return Array.from({ length: 6 }, (_, i) => new Date(Date.UTC(y, m - 6 + i, 1)).toISOString().slice(0, 7));
}

/** 趋势: the district's four rates over six months, and the composite score of the busiest units beside it. */
export function TrendChart({ month }: { month: string }) {
  const { t } = useApp();
  const [points, setPoints] = useState<{ month: string; rates: Rates; units: RateRow[] }[]>([]);
  useEffect(() => {
    void Promise.all(
      lastSixMonths(month).map((mm) =>
        client.GET('/rates', { query: { month: mm } }).then((r) => ({
          month: mm,
          rates: r.total.rates,
          units: r.units,
        })),
      ),
    ).then(setPoints);
  }, [month]);
  if (points.length === 0) return null;
  const busiest = [...(points.at(-1)?.units ?? [])].sort((a, b) => b.counts.dispatched - a.counts.dispatched).slice(0, 4);
  return (
    <>
      <EChart
        label={t('rateTrendChart')}
        testId="chart-trend"
        option={{
          title: { text: t('rateTrendChart'), top: 0, textStyle: { fontSize: 14 } },
          tooltip: { trigger: 'axis', valueFormatter: (v: number) => (v === null ? '—' : `${v}%`) },
          legend: legendRow,
          grid: { left: 8, right: 16, top: gridTop, bottom: 8, containLabel: true },
          xAxis: { type: 'category', data: points.map((p) => p.month) },
          yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
          series: rateKeys.map((k) => ({
            type: 'line',
            name: t(k),
            itemStyle: { color: colours[k] },
            connectNulls: true,
            data: points.map((p) => pct(p.rates[k])),
          })),
        }}
      />
      {busiest.length > 0 && (
        <EChart
          label={t('unitTrendChart')}
          testId="chart-unit-trend"
          option={{
            title: { text: t('unitTrendChart'), top: 0, textStyle: { fontSize: 14 } },
            tooltip: { trigger: 'axis', valueFormatter: (v: number) => (v === null ? '—' : `${v}%`) },
            legend: legendRow,
            grid: { left: 8, right: 16, top: gridTop, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: points.map((p) => p.month) },
            yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
            series: busiest.map((u) => ({
              type: 'line',
              name: u.unitName,
              connectNulls: true,
              data: points.map((p) => pct(p.units.find((x) => x.unitId === u.unitId)?.rates.score ?? null)),
            })),
          }}
        />
      )}
    </>
  );
}
