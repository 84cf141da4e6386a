import { Button, Card, Col, List, Row, Space, Statistic, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { type Answer, client, type Schemas } from '../../shared/client';
import { formatTime, stateNames } from '../../shared/i18n';
import { useApp } from '../app-context';
import { DistrictMap } from '../charts/DistrictMap';
import { type ChartOption, EChart } from '../charts/EChart';
import type { messages } from '../messages';
import { useNarrow } from '../use-narrow';
import { EscalationRun } from './admin/EscalationRun';

type Dashboard = Schemas['Dashboard'];
type Topic = Answer<'/topics', 'get'>['items'][number];
type Key = keyof typeof messages;

const blue = '#0b3d91';

/** 一屏: a district leader's first screen — look, don't read. Every figure is in the leader's scope. */
export function DashboardPage() {
  const { t, lang } = useApp();
  const [d, setD] = useState<Dashboard | null>(null);
  const [topics, setTopics] = useState<Topic[]>([]);
  useEffect(() => {
    void client.GET('/dashboard').then(setD);
    void client.GET('/topics', { query: { days: 30, limit: 8 } }).then(
      (r) => setTopics(r.items),
      () => setTopics([]),
    );
  }, []);
  const narrow = useNarrow();
  const charts = useMemo(() => (d ? options(d, t, lang, narrow) : null), [d, t, lang, narrow]);
  if (!d || !charts) return null;
  const todayTotal = d.today.reduce((a, x) => a + x.count, 0);
  const openTotal = d.open.reduce((a, x) => a + x.count, 0);
  const lastRate = d.satisfaction.at(-1)?.rate;
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('menuDashboard')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="dash-counted-at">
          {t('dashCountedAt', { t: formatTime(d.computedAt, lang) })}
        </Typography.Text>
        <Space wrap className="no-print">
          <EscalationRun />
          <Button onClick={() => window.print()}>{t('printBulletin')}</Button>
        </Space>
      </Space>
      <Row gutter={[12, 12]}>
        {[
          { title: t('dashToday'), value: todayTotal },
          { title: t('dashOpen'), value: openTotal },
          { title: t('dashOverdue'), value: d.overdue },
          { title: t('dashMonth'), value: `${d.month.closed} / ${d.month.registered}` },
          { title: t('satisfactionRate'), value: lastRate == null ? '—' : `${(lastRate * 100).toFixed(1)}%` },
        ].map((s) => (
          <Col key={s.title} xs={12} md={8} lg={4}>
            <Card size="small">
              <Statistic title={s.title} value={s.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('dashPlaces')}>
            <DistrictMap
              counts={d.places}
              height={narrow ? 360 : 420}
              fallback={
                <EChart
                  option={charts.places}
                  height={320}
                  label={t('dashPlaces')}
                  testId="chart-places"
                  onClick={(x) => {
                    const id = (x as { regionId?: number } | undefined)?.regionId;
                    if (id) window.location.hash = `#/list/region-${id}`;
                  }}
                />
              }
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('dashOverdueByUnit')}>
            <EChart option={charts.overdue} height={320} label={t('dashOverdueByUnit')} testId="chart-overdue" />
            {/* 超期在办 also counts what is late at dispatch or callback, or with units past the chart's ten: said, so the figures agree. */}
            {d.overdue > d.overdueByUnit.reduce((n, u) => n + u.count, 0) && (
              <Typography.Text type="secondary" data-testid="overdue-without-unit">
                {t('dashOverdueWithoutUnit', { n: d.overdue - d.overdueByUnit.reduce((n, u) => n + u.count, 0) })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Card size="small" title={t('dashTodayByChannel')}>
            <EChart option={charts.channels} label={t('dashTodayByChannel')} testId="chart-channels" />
          </Card>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Card size="small" title={t('dashOpenByState')}>
            <EChart option={charts.states} label={t('dashOpenByState')} testId="chart-states" />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('dashSatisfaction')}>
            <EChart option={charts.satisfaction} label={t('dashSatisfaction')} testId="chart-satisfaction" />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('dashTopics')}>
            <List
              dataSource={topics}
              locale={{ emptyText: <span style={{ color: '#595959' }}>{t('dashNoTopics')}</span> }}
              renderItem={(x) => (
                <List.Item>
                  <Space wrap>
                    <strong>{x.label}</strong>
                    <span>{t('dashTopicSize').replace('{n}', String(x.size))}</span>
                    {x.rising && <span style={{ color: '#820014' }}>▲ {t('rising')}</span>}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

type T = ReturnType<typeof useApp>['t'];

/** The month of an instant as the district counts it (China time), "2026-12". */
const chinaMonth = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date(iso));

/**
 * Satisfaction month by month from the first month with callbacks to the month counted: a month without callbacks is
 * a gap in the line (null), not 0% and not left out of the axis, which would join its neighbours as if adjacent.
 */
function satisfactionByMonth(d: Dashboard): { month: string; rate: number | null }[] {
  const first = d.satisfaction[0]?.month;
  if (!first) return [];
  const last = chinaMonth(d.computedAt);
  const known = new Map(d.satisfaction.map((m) => [m.month, m.calledBack > 0 ? m.rate : null]));
  const months: { month: string; rate: number | null }[] = [];
  let [y, m] = first.split('-').map(Number);
  for (let month = first; month <= last && months.length < 24; month = `${y}-${String(m).padStart(2, '0')}`) {
    months.push({ month, rate: known.get(month) ?? null });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

function options(
  d: Dashboard,
  t: T,
  lang: 'zh-CN' | 'en',
  narrow: boolean,
): Record<'places' | 'overdue' | 'channels' | 'states' | 'satisfaction', ChartOption> {
  const channel = (c: string) => t(`channel.${c}` as Key);
  // The schematic map: townships as blocks, their communities inside, sized and coloured by the month's demands.
  const townships = new Map<string, { name: string; value: number; children: { name: string; value: number; regionId: number }[] }>();
  for (const p of d.places) {
    const key = p.township ?? p.name;
    const town = townships.get(key) ?? { name: key, value: 0, children: [] };
    town.value += p.count;
    town.children.push({ name: p.name, value: p.count, regionId: p.regionId });
    townships.set(key, town);
  }
  const max = Math.max(1, ...d.places.map((p) => p.count));
  const satisfaction = satisfactionByMonth(d);
  // A unit's whole name, wrapped onto a second line rather than cut to its first character.
  const unitLabel = { width: narrow ? 96 : 180, overflow: 'break', lineHeight: 14 } as const;
  return {
    places: {
      tooltip: { formatter: (p: { name: string; value: number }) => `${p.name}：${p.value}` },
      visualMap: { show: false, min: 0, max, inRange: { color: ['#fff1f0', '#ff7875', '#a8071a'] } },
      series: [
        {
          type: 'treemap',
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          upperLabel: { show: true, height: 22, color: '#fff', backgroundColor: blue },
          label: { show: true, formatter: '{b}\n{c}', overflow: 'break', color: '#fff', textBorderColor: '#262626', textBorderWidth: 2 },
          levels: [
            { itemStyle: { borderColor: '#fff', borderWidth: 3, gapWidth: 3 } },
            { colorMappingBy: 'value', itemStyle: { gapWidth: 1 } },
          ],
          data: [...townships.values()],
        },
      ],
    },
    overdue: {
      tooltip: {},
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: d.overdueByUnit.map((u) => u.name), axisLabel: unitLabel },
      series: [
        {
          type: 'bar',
          data: d.overdueByUnit.map((u) => u.count),
          itemStyle: { color: '#a8071a' },
          label: { show: true, position: 'right' },
        },
      ],
    },
    channels: {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: d.today.map((c) => ({ name: channel(c.channel), value: c.count })),
          label: { formatter: '{b} {c}' },
        },
      ],
    },
    states: {
      tooltip: {},
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: d.open.map((s) => stateNames[s.state]?.[lang] ?? s.state),
        axisLabel: { interval: 0, rotate: narrow ? 45 : 30 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: d.open.map((s) => s.count), itemStyle: { color: blue }, label: { show: true, position: 'top' } }],
    },
    satisfaction: {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: satisfaction.map((m) => m.month) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          data: satisfaction.map((m) => (m.rate === null ? null : Math.round(m.rate * 1000) / 10)),
          connectNulls: false,
          itemStyle: { color: '#237804' },
          label: { show: true, formatter: '{c}%' },
        },
      ],
    },
  };
}
