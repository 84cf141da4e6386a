import { Button, DatePicker, Space, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { useApp } from '../app-context';
import { RankingBars, TrendChart } from './RateCharts';

type Row = {
  unitId: number;
  unitName: string;
  rank: number | null;
  counts: { dispatched: number; calledBack: number };
  rates: Record<'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'onTimeClosureRate' | 'score', number | null>;
  quality: { assessed: number; qualified: number; rate: number } | null;
};
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function RatesPage() {
  const { t } = useApp();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    void api<{ units: Row[] }>('GET', `/rates?month=${month}`).then((r) => setRows(r.units));
  }, [month]);
  const rate = (key: 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'onTimeClosureRate') => ({
    title: (
      <Tooltip title={t(`def.${key}`)}>
        <span style={{ borderBottom: '1px dotted' }}>{t(key)}</span>
      </Tooltip>
    ),
    render: (_: unknown, r: Row) => pct(r.rates[key]),
  });
  return (
    <main>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuRates')}
      </Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <span>{t('month')}</span>
        <DatePicker
          picker="month"
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          allowClear={false}
          aria-label={t('month')}
        />
        <Button type="primary" href={`/api/v1/rates?month=${month}&format=xlsx`}>
          {t('exportXlsx')}
        </Button>
        <Button href={`/api/v1/rates?month=${month}&format=csv`}>{t('exportCsv')}</Button>
      </Space>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24 }}>
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <RankingBars rows={rows} />
        </div>
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <TrendChart month={month} />
        </div>
      </div>
      <Table<Row>
        rowKey="unitId"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('rank'), render: (_, r) => r.rank ?? <Tooltip title={t('unranked')}>—</Tooltip> },
          { title: t('unit'), dataIndex: 'unitName' },
          { title: t('dispatched'), render: (_, r) => r.counts.dispatched },
          rate('responseRate'),
          rate('resolutionRate'),
          rate('satisfactionRate'),
          rate('onTimeClosureRate'),
          {
            title: t('qualityRate'),
            render: (_, r) => (r.quality ? `${pct(r.quality.rate)}（${r.quality.qualified}/${r.quality.assessed}）` : '—'),
          },
        ]}
      />
    </main>
  );
}
