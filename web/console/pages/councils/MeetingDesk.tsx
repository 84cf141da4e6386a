import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type Body, client } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { ActionItems } from './ActionItems';
import { type CouncilDetail, errorText, type Meeting } from './council-types';
import { councilsWords } from './councils-words';
import { ResolutionForm } from './ResolutionForm';

type Choice = Body<'/agenda-items/{id}/votes'>['votes'][number]['choice'];

export function MeetingDesk({ id }: { id: number }) {
  const { t, lang } = useApp();
  const w = usePageMessages(councilsWords);
  const [units, setUnits] = useState<{ id: number; name: string }[]>([]);
  const [m, setM] = useState<Meeting | null>(null);
  const [council, setCouncil] = useState<CouncilDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ballots, setBallots] = useState<Record<number, Record<number, Choice>>>({});
  const load = useCallback(async () => {
    const meeting = await client.GET('/meetings/{id}', { path: { id } });
    setM(meeting);
    setCouncil(await client.GET('/councils/{id}', { path: { id: meeting.councilId } }));
  }, [id]);
  useEffect(() => {
    void load();
    void client.GET('/units').then((r) => setUnits(r.items));
  }, [load]);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };
  if (!m || !council) return null;
  const closed = m.status === 'closed';
  const inSession = m.phase === 'in_session';
  const present = new Set(m.attendance.filter((a) => a.present).map((a) => a.seatId));
  const seatName = (sid: number) => council.seats.find((s) => s.id === sid)?.holderName ?? sid;
  return (
    <div>
      <a href={`#/councils/${m.councilId}`}>← {council.name}</a>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {m.title} {closed && <Tag>{t('meetingClosed')}</Tag>}
      </Typography.Title>
      {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 12 }} data-testid="council-error" />}
      {m.phase === 'not_started' && (
        <Alert
          type="info"
          title={w('notStarted', { time: formatTime(m.startsAt, lang) })}
          style={{ marginBottom: 12 }}
          data-testid="not-started"
        />
      )}
      <Card title={t('attendance')} style={{ marginBottom: 16 }}>
        <Checkbox.Group
          disabled={!inSession}
          value={[...present]}
          options={council.seats.map((s) => ({ value: s.id, label: `${s.holderName}（${t(`party.${s.party}` as 'party.party_org')}）` }))}
          onChange={(ids) => void run(() => client.PUT('/meetings/{id}/attendance', { path: { id }, body: { presentSeatIds: ids } }))}
        />
        <div style={{ marginTop: 8 }} data-testid="attendance-count">
          {t('presentCount', { n: present.size, total: council.seats.length })}
        </div>
      </Card>
      <Card title={t('agenda')} style={{ marginBottom: 16 }}>
        {!closed && (
          <Form
            name="agenda"
            layout="inline"
            style={{ marginBottom: 12 }}
            onFinish={(v: Body<'/meetings/{id}/agenda-items'>) =>
              run(() => client.POST('/meetings/{id}/agenda-items', { path: { id }, body: v }))
            }
          >
            <Form.Item name="source" initialValue="free" label={t('source')}>
              <Select
                style={{ width: 120 }}
                options={['topic', 'demand', 'proposal', 'free'].map((s) => ({ value: s, label: t(`source.${s}` as 'source.free') }))}
              />
            </Form.Item>
            <Form.Item name="sourceRef" label={t('sourceRef')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="title" label={t('title')} rules={[{ required: true }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Button htmlType="submit">{t('add')}</Button>
          </Form>
        )}
        {m.agenda.map((item) => {
          const resolution = m.resolutions.find((r) => r.agendaItemId === item.id);
          return (
            <Card
              key={item.id}
              type="inner"
              title={
                <Space>
                  {item.title}
                  {item.outcome && <Tag data-testid={`outcome-${item.id}`}>{t(`outcome.${item.outcome}` as 'outcome.passed')}</Tag>}
                </Space>
              }
              style={{ marginBottom: 12 }}
            >
              {inSession && !resolution && (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    {council.seats
                      .filter((s) => present.has(s.id))
                      .map((s) => (
                        <Space key={s.id}>
                          <span>{s.holderName}</span>
                          <Select
                            size="small"
                            style={{ width: 96 }}
                            aria-label={`${s.holderName} ${t('vote')}`}
                            value={ballots[item.id]?.[s.id]}
                            onChange={(v) => setBallots({ ...ballots, [item.id]: { ...ballots[item.id], [s.id]: v } })}
                            options={['for', 'against', 'abstain'].map((c) => ({ value: c, label: t(`choice.${c}` as 'choice.for') }))}
                          />
                        </Space>
                      ))}
                  </Space>
                  <Button
                    data-action={`vote-${item.id}`}
                    onClick={() =>
                      run(() =>
                        client.POST('/agenda-items/{id}/votes', {
                          path: { id: item.id },
                          body: {
                            votes: Object.entries(ballots[item.id] ?? {}).map(([seatId, choice]) => ({ seatId: Number(seatId), choice })),
                          },
                        }),
                      )
                    }
                  >
                    {t('recordVote')}
                  </Button>
                  {item.outcome === 'passed' && (
                    <ResolutionForm
                      itemId={item.id}
                      units={units}
                      onAdopt={(body) => run(() => client.POST('/agenda-items/{id}/resolution', { path: { id: item.id }, body }))}
                    />
                  )}
                </Space>
              )}
              {item.votes.length > 0 && (
                <div>{item.votes.map((v) => `${seatName(v.seatId)}：${t(`choice.${v.choice}` as 'choice.for')}`).join('；')}</div>
              )}
              {resolution && (
                <div data-testid={`resolution-${item.id}`}>
                  <p>
                    <strong>{t('resolutionText')}</strong>：{resolution.text}（{t('noticeUntil')} {resolution.noticeUntil}）
                  </p>
                  <ActionItems
                    items={resolution.actionItems}
                    onChange={(a, status) => run(() => client.PATCH('/action-items/{id}', { path: { id: a.id }, body: { status } }))}
                  />
                </div>
              )}
            </Card>
          );
        })}
      </Card>
      <Card title={t('minutes')}>
        {closed ? (
          <>
            <p style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</p>
            {m.corrections.map((c) => (
              <p key={c.id}>
                <Tag>{t('correction')}</Tag>
                {c.body}
              </p>
            ))}
            <Form
              name="correction"
              layout="inline"
              onFinish={(v: { body: string }) => run(() => client.POST('/meetings/{id}/corrections', { path: { id }, body: v }))}
            >
              <Form.Item name="body" label={t('correction')} rules={[{ required: true }]}>
                <Input style={{ width: 360 }} />
              </Form.Item>
              <Button htmlType="submit">{t('add')}</Button>
            </Form>
          </>
        ) : (
          <Form
            name="close"
            layout="vertical"
            onFinish={(v: { minutes: string }) => run(() => client.POST('/meetings/{id}/close', { path: { id }, body: v }))}
          >
            <Form.Item name="minutes" label={t('minutes')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('closeMeeting')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
