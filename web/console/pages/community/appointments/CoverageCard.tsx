import { Card, Col, Row, Statistic, Table } from 'antd';
import { Tone } from '../../../tone';
import { CoverageChart } from '../CoverageChart';
import { percent, targetTone } from './labels';
import { useAppointmentT } from './messages';
import type { Programme } from './types';

/** Coverage today against each dated target (how many posts remain), the month-end line, and each township's share. */
export function CoverageCard({ programme }: { programme: Programme }) {
  const t = useAppointmentT();
  const c = programme.coverage;
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('coverageNow')} value={percent(c.share)} />
            <div data-testid="coverage-counts">{t('coverageCounts', { covered: c.covered, posts: c.posts })}</div>
            {programme.targetStatus.map((s) => (
              <div key={s.by} style={{ marginTop: 8 }}>
                <Tone tone={targetTone[s.state]}>{t(`target.${s.state}`)}</Tone>
                {t('targetLine', { by: s.by, share: Math.round(s.share * 100), covered: s.covered, needed: s.needed })}
                {s.remaining > 0 && <strong> {t('remaining', { n: s.remaining })}</strong>}
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card>
            <CoverageChart title={t('coverageChart')} points={programme.monthly} targets={programme.targets} />
          </Card>
        </Col>
      </Row>
      {c.byTownship.length > 1 && (
        <Card title={t('byTownship')} style={{ marginTop: 16 }}>
          <Table
            size="small"
            rowKey="township"
            pagination={false}
            dataSource={c.byTownship}
            columns={[
              { title: t('township'), dataIndex: 'township' },
              { title: t('posts'), dataIndex: 'posts', width: 70 },
              { title: t('covered'), dataIndex: 'covered', width: 70 },
              { title: t('share'), render: (_, r) => percent(r.share), width: 80 },
            ]}
          />
        </Card>
      )}
    </>
  );
}
