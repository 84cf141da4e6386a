import { Alert, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { Schemas } from '../../../shared/client';
import { useApp } from '../../app-context';
import { Tone } from '../../tone';
import { IntervalChart } from './IntervalChart';

type Results = Schemas['AssessmentResults'];
type Round = Schemas['Assessment'];

/** What the round found: the rate with its interval and strata, or the ranking; then findings and suggestions. */
export function ResultsCard({ round, results }: { round: Round; results: Results }) {
  const { t } = useApp();
  const itemName = new Map(round.rubric.aspects.flatMap((a) => a.items.map((i) => [i.key, i.name] as const)));
  const q = results.qualification;
  const s = results.scoring;
  return (
    <Card title={t('results')} style={{ marginBottom: 16 }}>
      {results.hidden && <Alert type="info" showIcon title={t('hiddenResults')} style={{ marginBottom: 12 }} />}
      {q && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Statistic title={t('qualRate')} value={q.rate ? q.rate.rate : '—'} suffix={q.rate ? '%' : ''} />
              {q.rate && <Typography.Text type="secondary">{t('qualInterval', { low: q.rate.low, high: q.rate.high })}</Typography.Text>}
              <div>{t('qualCounts', { sampled: q.sampled, assessed: q.assessed, qualified: q.qualified })}</div>
              {q.pendingConsultation > 0 && <Tone tone="orange">{t('pendingConsultation', { n: q.pendingConsultation })}</Tone>}
            </Col>
            <Col xs={24} md={16}>
              <IntervalChart
                title={t('byStratum')}
                bars={q.strata
                  .filter((x) => x.rate)
                  .map((x) => ({ label: x.stratum, n: x.assessed, rate: x.rate!.rate, low: x.rate!.low, high: x.rate!.high }))}
              />
            </Col>
          </Row>
          <Table
            size="small"
            rowKey="itemKey"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={q.failuresByItem}
            columns={[
              { title: t('failuresByItem'), dataIndex: 'name' },
              { title: t('failures'), dataIndex: 'failures', width: 100 },
            ]}
          />
        </>
      )}
      {s && (
        <>
          {s.aspectMeans.length > 1 && (
            <Typography.Paragraph style={{ marginTop: 12 }}>
              {t('aspectMeans')}：{s.aspectMeans.map((a) => `${a.name} ${a.mean ?? '—'}`).join('；')}
            </Typography.Paragraph>
          )}
          {/* Scrolls sideways on a phone; focusable so the keyboard can scroll it too. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
          <section className="table-scroll" tabIndex={0} aria-label={t('ranking')}>
            <Table
              size="small"
              rowKey="subjectId"
              pagination={false}
              style={{ marginTop: 12, minWidth: 560 }}
              dataSource={s.rows}
              columns={[
                { title: t('ranking'), dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
                // The result next to the rank: on a phone the table scrolls, and what it ranks by stays in sight.
                { title: t('finalScore'), dataIndex: 'final', width: 90 },
                {
                  title: t('subjectName'),
                  render: (_, r) => (
                    <>
                      {r.name} {r.mode && <Tag>{t(`mode.${r.mode as 'on_site' | 'written'}`)}</Tag>}
                      {r.decidedBy && <Tone tone="orange">{t('decidedBy', { item: itemName.get(r.decidedBy) ?? r.decidedBy })}</Tone>}
                    </>
                  ),
                },
                ...(s.trimmed ? [{ title: t('meanScore'), dataIndex: 'mean', width: 90 }] : []),
                { title: t('spreadRange'), render: (_, r) => r.spread?.range ?? '—', width: 70 },
                { title: t('assessorsN'), dataIndex: 'assessors', width: 70 },
              ]}
            />
          </section>
        </>
      )}
      {results.findings.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {t('findingsTitle')}
          </Typography.Title>
          <ul>
            {results.findings.map((f, i) => (
              <li key={`${f.kind}-${i}`}>
                <Tag>{t(`report.${f.kind as 'finding' | 'suggestion'}`)}</Tag>
                {f.body}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
