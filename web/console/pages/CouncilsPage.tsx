import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  message,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, type Region } from '../../shared/api';
import type { Answer, Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import { useApp } from '../app-context';
import { usePageMessages } from '../page-messages';
import { councilsWords } from './councils-words';

type Seat = { id: number; party: string; holderName: string; position: string };
type CouncilDetail = {
  id: number;
  name: string;
  regionId: number;
  seats: Seat[];
  meetings: { id: number; title: string; place: string; startsAt: string; status: string }[];
};
type Meeting = Schemas['CouncilMeeting'];
type ActionItem = Schemas['CouncilActionItem'];

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** 四方议事会 in the console: councils, their meetings, and one meeting worked through from agenda to resolutions. */
export function CouncilsPage({ councilId, meetingId }: { councilId?: number; meetingId?: number }) {
  if (meetingId) return <MeetingDesk id={meetingId} />;
  if (councilId) return <CouncilView id={councilId} />;
  return <CouncilList />;
}

function CouncilList() {
  const { t } = useApp();
  const w = usePageMessages(councilsWords);
  const [list, setList] = useState<Answer<'/api/v1/councils', 'get'>>({ items: [], actions: [] });
  const items = list.items;
  const [regions, setRegions] = useState<Region[]>([]);
  const load = useCallback(() => api<Answer<'/api/v1/councils', 'get'>>('GET', '/councils').then(setList), []);
  useEffect(() => {
    void load();
    void api<{ items: Region[] }>('GET', '/regions').then((r) => setRegions(r.items));
  }, [load]);
  const parties = ['party_org', 'residents_committee', 'owners_committee', 'property_company'] as const;
  return (
    <main>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuCouncils')}
      </Typography.Title>
      <Card title={t('newCouncil')} style={{ marginBottom: 16 }}>
        <Form
          name="council"
          layout="vertical"
          style={{ maxWidth: 720 }}
          onFinish={async (v: Record<string, string> & { regionId: number }) => {
            const year = new Date().getFullYear();
            const seat = (party: string, holderName: string, position = 'member') => ({
              party,
              holderName,
              position,
              termStart: `${year}-01-01`,
              termEnd: `${year + 2}-12-31`,
            });
            const seats = [
              ...parties.map((p, i) => seat(p, v[p], i === 0 ? 'chair' : i === 1 ? 'secretary' : 'member')),
              ...(v.residents ?? '')
                .split(/[,，、\n]/)
                .map((s) => s.trim())
                .filter(Boolean)
                .map((n) => seat('resident_rep', n)),
            ];
            try {
              const c = await api<{ id: number }>('POST', '/councils', { regionId: v.regionId, name: v.name, seats });
              location.hash = `#/councils/${c.id}`;
            } catch (e) {
              message.error(errorText(e));
            }
          }}
        >
          <Space wrap>
            <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="regionId" label={t('region')} rules={[{ required: true }]}>
              <Select
                style={{ width: 220 }}
                options={regions.filter((r) => r.level === 'community').map((r) => ({ value: r.id, label: r.name }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Space>
          <Space wrap>
            {parties.map((p) => (
              <Form.Item key={p} name={p} label={t(`party.${p}`)} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            ))}
          </Space>
          <Form.Item name="residents" label={t('residentReps')}>
            <Input placeholder="陈大爷、周阿姨" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('add')}
          </Button>
        </Form>
      </Card>
      {list.actions.includes('chase_overdue') && (
        <Button
          style={{ marginBottom: 12 }}
          onClick={async () => {
            try {
              const r = await api<Answer<'/api/v1/action-items/overdue/run', 'post'>>('POST', '/action-items/overdue/run');
              message.success(w('chased', { n: r.overdue }));
            } catch (e) {
              message.error(errorText(e));
            }
          }}
        >
          {w('chaseOverdue')}
        </Button>
      )}
      <List
        bordered
        dataSource={items}
        renderItem={(c) => (
          <List.Item>
            <a href={`#/councils/${c.id}`}>{c.name}</a>
          </List.Item>
        )}
      />
    </main>
  );
}

function CouncilView({ id }: { id: number }) {
  const { t, lang } = useApp();
  const [c, setC] = useState<CouncilDetail | null>(null);
  const load = useCallback(() => api<CouncilDetail>('GET', `/councils/${id}`).then(setC), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!c) return null;
  return (
    <main>
      <a href="#/councils">← {t('back')}</a>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {c.name}
      </Typography.Title>
      <Card title={t('seats')} style={{ marginBottom: 16 }}>
        <Space wrap>
          {c.seats.map((s) => (
            <Tag key={s.id}>
              {t(`party.${s.party}` as 'party.party_org')} · {s.holderName}
              {s.position !== 'member' ? ` · ${t(`position.${s.position}` as 'position.chair')}` : ''}
            </Tag>
          ))}
        </Space>
      </Card>
      <Card title={t('meetings')}>
        <Form
          name="meeting"
          layout="inline"
          style={{ marginBottom: 16 }}
          onFinish={async (v: { title: string; place: string; startsAt: { toISOString: () => string } }) => {
            try {
              const m = await api<{ id: number }>('POST', `/councils/${id}/meetings`, {
                title: v.title,
                place: v.place,
                startsAt: v.startsAt.toISOString(),
              });
              location.hash = `#/meetings/${m.id}`;
            } catch (e) {
              message.error(errorText(e));
            }
          }}
        >
          <Form.Item name="title" label={t('title')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="place" label={t('place')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="startsAt" label={t('when')} rules={[{ required: true }]}>
            <DatePicker showTime />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('add')}
          </Button>
        </Form>
        <Table
          rowKey="id"
          dataSource={c.meetings}
          pagination={false}
          columns={[
            { title: t('title'), render: (_, m) => <a href={`#/meetings/${m.id}`}>{m.title}</a> },
            { title: t('when'), render: (_, m) => formatTime(m.startsAt, lang) },
            { title: t('place'), dataIndex: 'place' },
            { title: t('state'), render: (_, m) => (m.status === 'closed' ? t('meetingClosed') : t('open')) },
          ]}
        />
      </Card>
    </main>
  );
}

function MeetingDesk({ id }: { id: number }) {
  const { t, lang } = useApp();
  const w = usePageMessages(councilsWords);
  const [units, setUnits] = useState<{ id: number; name: string }[]>([]);
  const [m, setM] = useState<Meeting | null>(null);
  const [council, setCouncil] = useState<CouncilDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ballots, setBallots] = useState<Record<number, Record<number, string>>>({});
  const load = useCallback(async () => {
    const meeting = await api<Meeting>('GET', `/meetings/${id}`);
    setM(meeting);
    setCouncil(await api<CouncilDetail>('GET', `/councils/${meeting.councilId}`));
  }, [id]);
  useEffect(() => {
    void load();
    void api<{ items: { id: number; name: string }[] }>('GET', '/units').then((r) => setUnits(r.items));
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
    <main>
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
          onChange={(ids) => void run(() => api('PUT', `/meetings/${id}/attendance`, { presentSeatIds: ids }))}
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
            onFinish={(v: { source: string; sourceRef?: string; title: string }) =>
              run(() => api('POST', `/meetings/${id}/agenda-items`, v))
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
                        api('POST', `/agenda-items/${item.id}/votes`, {
                          votes: Object.entries(ballots[item.id] ?? {}).map(([seatId, choice]) => ({ seatId: Number(seatId), choice })),
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
                      onAdopt={(body) => run(() => api('POST', `/agenda-items/${item.id}/resolution`, body))}
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
                    onChange={(a, status) => run(() => api('PATCH', `/action-items/${a.id}`, { status }))}
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
              onFinish={(v: { body: string }) => run(() => api('POST', `/meetings/${id}/corrections`, v))}
            >
              <Form.Item name="body" label={t('correction')} rules={[{ required: true }]}>
                <Input style={{ width: 360 }} />
              </Form.Item>
              <Button htmlType="submit">{t('add')}</Button>
            </Form>
          </>
        ) : (
          <Form name="close" layout="vertical" onFinish={(v: { minutes: string }) => run(() => api('POST', `/meetings/${id}/close`, v))}>
            <Form.Item name="minutes" label={t('minutes')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('closeMeeting')}
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}

type ResolutionInput = {
  text: string;
  noticeDays: number;
  actionItems: { title: string; ownerUnitId: number; dueOn: string }[];
};

/** 决议 for a passed item: its text, and its action items each with an owner unit and a due date. */
function ResolutionForm({
  itemId,
  units,
  onAdopt,
}: {
  itemId: number;
  units: { id: number; name: string }[];
  onAdopt: (body: ResolutionInput) => Promise<void>;
}) {
  const { t } = useApp();
  const w = usePageMessages(councilsWords);
  return (
    <Form
      name={`resolution-${itemId}`}
      layout="vertical"
      onFinish={(v: {
        text: string;
        noticeDays: number;
        actionItems?: { title: string; ownerUnitId: number; dueOn: { format: (f: string) => string } }[];
      }) =>
        onAdopt({
          text: v.text,
          noticeDays: v.noticeDays,
          actionItems: (v.actionItems ?? []).map((a) => ({
            title: a.title,
            ownerUnitId: a.ownerUnitId,
            dueOn: a.dueOn.format('YYYY-MM-DD'),
          })),
        })
      }
    >
      <Form.Item name="text" label={t('resolutionText')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.List name="actionItems">
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14 }}>{w('actionItems')}</legend>
            {fields.map((f, i) => (
              <Space key={f.key} wrap align="start" data-testid={`action-row-${i}`}>
                <Form.Item name={[f.name, 'title']} label={w('actionTitle')} rules={[{ required: true }]}>
                  <Input style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'ownerUnitId']} label={w('ownerUnit')} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 200 }}
                    options={units.map((u) => ({ value: u.id, label: u.name }))}
                    showSearch={{ optionFilterProp: 'label' }}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} label={w('dueOn')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }}>
                  {w('remove')}
                </Button>
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" onClick={() => add()}>
                {w('addActionItem')}
              </Button>
            </Form.Item>
          </fieldset>
        )}
      </Form.List>
      <Form.Item name="noticeDays" label={t('noticeDays')} initialValue={7}>
        <InputNumber min={1} max={60} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('adopt')}
      </Button>
    </Form>
  );
}

/** A resolution's action items: which unit, by when, where each stands, its 督办 if it went overdue, and what may be done now. */
function ActionItems({ items, onChange }: { items: ActionItem[]; onChange: (a: ActionItem, status: 'open' | 'done') => Promise<void> }) {
  const { lang } = useApp();
  const w = usePageMessages(councilsWords);
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(a) => (
        <List.Item
          data-testid={`action-item-${a.id}`}
          actions={a.actions.map((act) => (
            <Button key={act} size="small" onClick={() => onChange(a, act === 'complete' ? 'done' : 'open')}>
              {w(act)}
            </Button>
          ))}
        >
          <Space direction="vertical" size={2}>
            <span>
              {a.title} · {w('ownerUnit')} {a.owner}
              {a.ownerUserName ? ` · ${w('person', { name: a.ownerUserName })}` : ''} · {w('dueOn')} {a.dueOn}{' '}
              <Tag>{a.status === 'overdue' ? <strong>{w('state.overdue')}</strong> : w(`state.${a.status}`)}</Tag>
              {a.supervision && (
                <Tag>
                  <strong>{w('supervised')}</strong>
                </Tag>
              )}
            </span>
            {a.supervision && (
              <Typography.Text>
                {w('supervisedAt', { time: formatTime(a.supervision.createdAt, lang), reason: a.supervision.reason })}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
