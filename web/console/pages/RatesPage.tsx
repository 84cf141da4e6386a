import { Button, DatePicker, Space, Spin, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { type Answer, client, hrefOf } from '../../shared/client';
import { useApp } from '../app-context';
import { useNarrow } from '../use-narrow';
import { MarksChart, RankingBars, type RateRow, TrendChart } from './RateCharts';

type Row = RateRow;
type Total = Answer<'/rates', 'get'>['total'];
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function RatesPage() {
  const { t } = useApp();
  const narrow = useNarrow();
  // The month is the server's to choose until one is picked: the browser's clock may be another day's (or a test world's).
  const [month, setMonth] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState<Total | null>(null);
  useEffect(() => {
    void client.GET('/rates', { query: { month: month ?? undefined } }).then((r) => {
      setRows(r.units);
      setTotal(r.total);
      if (!month) setMonth(r.month);
    });
  }, [month]);
  if (!month) return <Spin style={{ margin: 48 }} />;
  const rate = (key: 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'onTimeClosureRate') => ({
    title: (
      <Tooltip title={t(`def.${key}`)}>
        <span style={{ borderBottom: '1px dotted' }}>{t(key)}</span>
      </Tooltip>
    ),
    render: (_: unknown, r: Pick<Row, 'rates'>) => pct(r.rates[key]),
  });
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuRates')}
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <span>{t('month')}</span>
        <DatePicker
          picker="month"
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          allowClear={false}
          aria-label={t('month')}
        />
        <Button type="primary" href={hrefOf('/rates', { query: { month, format: 'xlsx' } })}>
          {t('exportXlsx')}
        </Button>
        <Button href={hrefOf('/rates', { query: { month, format: 'csv' } })}>{t('exportCsv')}</Button>
        <Button className="no-print" onClick={() => window.print()}>
          {t('printBulletin')}
        </Button>
      </Space>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24 }}>
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <RankingBars rows={rows} townships />
          <RankingBars rows={rows} townships={false} />
        </div>
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <TrendChart month={month} />
          <MarksChart rows={rows} />
        </div>
      </div>
      {/* Scrolls sideways on a phone, said above it; focusable so the keyboard can scroll it too. */}
      {narrow && (
        <Typography.Paragraph type="secondary" data-testid="rates-swipe">
          {t('ratesSwipe')}
        </Typography.Paragraph>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
      <section className="table-scroll" tabIndex={0} aria-label={t('menuRates')}>
        <Table<Row>
          rowKey="unitId"
          className="rates-table"
          dataSource={rows}
          pagination={false}
          summary={() =>
            total && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} />
                <Table.Summary.Cell index={1}>
                  <strong>{t('districtTotal')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2}>{total.counts.dispatched}</Table.Summary.Cell>
                {(['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeClosureRate'] as const).map((k, i) => (
                  <Table.Summary.Cell key={k} index={3 + i}>
                    {pct(total.rates[k])}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={7} />
                <Table.Summary.Cell index={8}>{total.marks.yellow}</Table.Summary.Cell>
                <Table.Summary.Cell index={9}>{total.marks.red}</Table.Summary.Cell>
                <Table.Summary.Cell index={10}>{total.marks.overdue}</Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
          columns={[
            { title: t('rank'), render: (_, r) => r.rank ?? <Tooltip title={t('unranked')}>—</Tooltip> },
            { title: t('unit'), dataIndex: 'unitName', render: (v: string) => <span className="nowrap">{v}</span> },
            { title: t('dispatched'), render: (_, r) => r.counts.dispatched },
            rate('responseRate'),
            rate('resolutionRate'),
            rate('satisfactionRate'),
            rate('onTimeClosureRate'),
            {
              title: t('qualityRate'),
              render: (_, r) => (r.quality ? `${pct(r.quality.rate)}（${r.quality.qualified}/${r.quality.assessed}）` : '—'),
            },
            { title: t('supervisedYellow'), render: (_, r) => r.marks.yellow },
            { title: t('supervisedRed'), render: (_, r) => r.marks.red },
            { title: t('overdueReplies'), render: (_, r) => r.marks.overdue },
          ]}
        />
      </section>
    </div>
  );
}
