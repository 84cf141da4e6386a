import { Card, Descriptions, List, Space, Typography } from 'antd';
import type { Schemas } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { Tone } from '../../tone';

type Detail = Schemas['DemandDetail'];

/** Joint handling, transfers, supervision and callbacks: who is doing what on this demand, at a glance. */
const transferTones = { pending: 'orange', accepted: 'green', declined: 'red', lapsed: 'grey' } as const;

export function DemandPanels({ d }: { d: Detail }) {
  const { t, lang } = useApp();
  const time = (iso: string | null) => formatTime(iso, lang);
  return (
    <>
      {d.assists.length > 0 && (
        <Card title={t('assistsTitle')} style={{ marginTop: 16 }} data-testid="assists">
          {d.assists.some((a) => !a.endedAt && !a.contributedAt) && (
            <Typography.Paragraph type="secondary">{t('waitingForAssists')}</Typography.Paragraph>
          )}
          <List
            dataSource={d.assists}
            renderItem={(a) => (
              <List.Item>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <strong>{a.unit.name}</strong>
                    {a.contributedAt ? (
                      <Tone tone="green">{time(a.contributedAt)}</Tone>
                    ) : a.endedAt ? (
                      <Tone tone="grey">{t('assistEnded')}</Tone>
                    ) : (
                      <Tone tone="orange">{a.acknowledgedAt ? t('assistSigned') : t('assistWaiting')}</Tone>
                    )}
                  </Space>
                  {a.contribution && <div style={{ whiteSpace: 'pre-wrap' }}>{a.contribution}</div>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      {d.transfers.length > 0 && (
        <Card title={t('transfersTitle')} style={{ marginTop: 16 }} data-testid="transfers">
          <List
            dataSource={d.transfers}
            renderItem={(x) => (
              <List.Item>
                <Space direction="vertical" size={2}>
                  <Space wrap>
                    {x.fromUnit.name} → <strong>{x.toUnit.name}</strong>
                    <Tone tone={transferTones[x.status]}>{t(`transfer.${x.status}`)}</Tone>
                    <Typography.Text type="secondary">{time(x.requestedAt)}</Typography.Text>
                  </Space>
                  <span>{x.reason}</span>
                  {x.decisionReason && <Typography.Text type="secondary">{x.decisionReason}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      {d.supervisions.length > 0 && (
        <Card title={t('supervisionsTitle')} style={{ marginTop: 16 }} data-testid="supervisions">
          <List
            dataSource={d.supervisions}
            renderItem={(s) => (
              <List.Item>
                <Space direction="vertical" size={2}>
                  <Space wrap>
                    <Tone tone={s.level === 'district' ? 'red' : 'orange'}>{t(`supervision.${s.level}`)}</Tone>
                    {s.byRule && <Tone tone="grey">{t('byRule')}</Tone>}
                    <Typography.Text type="secondary">{time(s.createdAt)}</Typography.Text>
                    {s.reminderCount > 0 && <Tone tone="purple">{t('reminders').replace('{n}', String(s.reminderCount))}</Tone>}
                    {s.liftedAt && <Tone tone="green">{t('lifted')}</Tone>}
                  </Space>
                  <span>{s.reason}</span>
                  {s.dueAt && <Typography.Text type="secondary">{time(s.dueAt)}</Typography.Text>}
                  {s.liftReason && <Typography.Text type="secondary">{s.liftReason}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      {(d.callbacks.length > 0 || d.callbackAttempts.length > 0) && (
        <Card title={t('callbacksTitle')} style={{ marginTop: 16 }} data-testid="callbacks">
          <Descriptions column={1} size="small">
            {d.callbackAttempts.map((x) => (
              <Descriptions.Item key={`a${x.at}`} label={time(x.at)}>
                <Tone tone="grey">{t('notReached')}</Tone> {x.note}
              </Descriptions.Item>
            ))}
            {d.callbacks.map((c) => (
              <Descriptions.Item key={`c${c.at}`} label={time(c.at)}>
                <Space wrap>
                  <Tone tone={c.satisfaction === 'unsatisfied' ? 'red' : 'green'}>{t(c.satisfaction)}</Tone>
                  <Tone tone={c.solved ? 'green' : 'red'}>{c.solved ? t('solvedYes') : t('solvedNo')}</Tone>
                  {c.comment}
                </Space>
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
    </>
  );
}
