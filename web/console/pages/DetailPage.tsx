import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  message,
  Popconfirm,
  Radio,
  Result,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../../shared/api';
import type { Schemas } from '../../shared/client';
import { actionNames, formatTime, stateNames } from '../../shared/i18n';
import { useApp } from '../app-context';
import { dueLabel } from '../due-label';
import type { messages } from '../messages';
import { Tone } from '../tone';
import { AddPhotos } from './demand/AddPhotos';
import { DemandPanels } from './demand/DemandPanels';
import { DispatchFields } from './demand/DispatchFields';
import { KnowledgeHints } from './demand/KnowledgeHints';
import { SimilarReplies } from './demand/SimilarReplies';
import { SupervisionTag } from './demand/SupervisionTag';

// The map's chunk (ECharts) loads only for a demand that has a point.
const DemandPoint = lazy(() => import('../charts/DemandPoint').then((m) => ({ default: m.DemandPoint })));

import { PublicFaceCard } from './moderation/PublicFaceCard';

type Detail = Schemas['DemandDetail'];
type ServerAction = Detail['allowedActions'][number];

type Suggestions = {
  modelVersion: string | null;
  categories: { categoryId: number; name: string; confidence: number }[];
  units: {
    unitId: number;
    name: string;
    score: number;
    because: { categoryName: string; confidence: number; dispatched: number; returned: number };
  }[];
  duplicates: { id: number; number: string; title: string; similarity: number; regionName: string }[];
};

type Verb =
  | 'merge'
  | 'dispatch'
  | 'acknowledge'
  | 'reply'
  | 'return'
  | 'callback'
  | 'close'
  | 'reopen'
  | 'decline'
  | 'supervise'
  | 'extension-requests'
  | 'answer'
  | 'withdraw'
  | 'remind'
  | 'assist-acknowledge'
  | 'contribute'
  | 'end-assist'
  | 'transfer'
  | 'accept-transfer'
  | 'decline-transfer'
  | 'callback-attempt'
  | 'merged-callback';
type Key = keyof typeof messages;

/** How each action the server allows is offered: its button (or two, for a decision) and its form. */
const buttonsFor: Partial<Record<ServerAction, { verb: Verb | 'approve' | 'deny'; label: Key }[]>> = {
  dispatch: [{ verb: 'dispatch', label: 'dispatch' }],
  acknowledge: [{ verb: 'acknowledge', label: 'acknowledge' }],
  reply: [{ verb: 'reply', label: 'reply' }],
  answer_directly: [{ verb: 'answer', label: 'answer' }],
  record_callback: [{ verb: 'callback', label: 'callback' }],
  rate_merged: [{ verb: 'merged-callback', label: 'callback' }],
  close: [{ verb: 'close', label: 'close' }],
  reopen: [{ verb: 'reopen', label: 'reopen' }],
  decide_extension: [
    { verb: 'approve', label: 'approveExtension' },
    { verb: 'deny', label: 'denyExtension' },
  ],
  request_extension: [{ verb: 'extension-requests', label: 'extension' }],
  return: [{ verb: 'return', label: 'return' }],
  supervise: [{ verb: 'supervise', label: 'supervise' }],
  decline: [{ verb: 'decline', label: 'decline' }],
  withdraw: [{ verb: 'withdraw', label: 'withdraw' }],
  remind: [{ verb: 'remind', label: 'remind' }],
  assist_acknowledge: [{ verb: 'assist-acknowledge', label: 'assistAcknowledge' }],
  contribute: [{ verb: 'contribute', label: 'contribute' }],
  end_assist: [{ verb: 'end-assist', label: 'endAssist' }],
  request_transfer: [{ verb: 'transfer', label: 'transfer' }],
  accept_transfer: [{ verb: 'accept-transfer', label: 'acceptTransfer' }],
  decline_transfer: [{ verb: 'decline-transfer', label: 'declineTransfer' }],
  callback_attempt: [{ verb: 'callback-attempt', label: 'callbackAttempt' }],
};

/** Taken at once, without a form. */
const immediate = new Set<string>(['acknowledge', 'close', 'approve', 'assist-acknowledge', 'accept-transfer']);

/** Where each verb posts, and the body it sends. */
function request(verb: Verb | 'approve' | 'deny', values: Record<string, unknown>): { path: string; body: Record<string, unknown> } {
  switch (verb) {
    case 'approve':
      return { path: 'extension-decision', body: { approve: true, ...values } };
    case 'deny':
      return { path: 'extension-decision', body: { approve: false, ...values } };
    case 'accept-transfer':
      return { path: 'transfer-decision', body: { accept: true } };
    case 'decline-transfer':
      return { path: 'transfer-decision', body: { accept: false, ...values } };
    case 'supervise': {
      const { dueAt, ...rest } = values as { dueAt?: Dayjs };
      return { path: verb, body: { ...rest, ...(dueAt ? { dueAt: dueAt.endOf('day').toISOString() } : {}) } };
    }
    default:
      return { path: verb, body: values };
  }
}

/** Exactly the actions the server says this caller may take now (merging is offered beside the duplicates). */
const offered = (d: Detail) => d.allowedActions.flatMap((a) => buttonsFor[a] ?? []);

export function DetailPage({ id }: { id: number }) {
  const { t, lang, has } = useApp();
  const [d, setD] = useState<Detail | null | 'missing'>(null);
  const [verb, setVerb] = useState<Verb | 'approve' | 'deny' | null>(null);
  const [units, setUnits] = useState<{ id: number; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [preset, setPreset] = useState<Record<string, unknown>>({});
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    try {
      setD(await api<Detail>('GET', `/demands/${id}`));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setD('missing');
      else throw e;
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (has('dispatcher') || has('handler'))
      void api<{ items: { id: number; name: string }[] }>('GET', '/units').then((r) => setUnits(r.items));
  }, [has]);
  const routable = d !== null && d !== 'missing' && (d.state === 'registered' || d.state === 'returned') && has('dispatcher');
  useEffect(() => {
    if (routable) void api<Suggestions>('GET', `/demands/${id}/suggestions`).then(setSuggestions, () => setSuggestions(null));
  }, [routable, id]);

  if (d === null) return null;
  if (d === 'missing') return <Result status="404" title={t('notFound')} extra={<a href="#/list">{t('back')}</a>} />;
  // Merges are recorded on both demands' timelines: the links come from there.
  const related = [
    ...(d.mergedIntoId
      ? [
          {
            kind: 'mergedInto' as const,
            id: d.mergedIntoId,
            number: String(d.events.find((e) => e.action === 'merge')?.data?.intoNumber ?? d.mergedIntoId),
          },
        ]
      : []),
    ...d.events
      .filter((e) => e.action === 'merge' && e.data?.mergedDemandId)
      .map((e) => ({ kind: 'mergedFrom' as const, id: Number(e.data!.mergedDemandId), number: String(e.data!.mergedNumber) })),
  ];

  async function run(values: Record<string, unknown>, chosen = verb) {
    if (!chosen || d === null || d === 'missing') return;
    setError(null);
    try {
      const { path, body } = request(chosen, values);
      const after = await api<Detail>('POST', `/demands/${d.id}/${path}`, body);
      setD(after);
      setVerb(null);
      form.resetFields();
      message.success(doneMessage(chosen, after, t, lang));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  const needsForm = verb !== null && !immediate.has(verb);

  return (
    <main>
      <Space style={{ marginBottom: 12 }}>
        <a href="#/list">← {t('back')}</a>
      </Space>
      <Typography.Title level={1} style={{ fontSize: 22, whiteSpace: 'pre-wrap' }} data-testid="demand-title">
        {d.title}
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Tag style={{ color: '#0b3d91', borderColor: '#0b3d91' }} data-testid="demand-state">
          {stateNames[d.state]?.[lang] ?? d.state}
        </Tag>
        {dueLabel(d, t)}
        <SupervisionTag row={d} />
        {d.extensionRequests.some((x) => x.status === 'pending') && <Tone tone="orange">{t('extensionPendingTag')}</Tone>}
        {offered(d).map((o) => (
          <Button
            key={o.verb}
            type={o.verb === 'decline' || o.verb === 'return' ? 'default' : 'primary'}
            onClick={() => (immediate.has(o.verb) ? run({}, o.verb) : setVerb(o.verb))}
            data-action={o.verb}
          >
            {t(o.label)}
          </Button>
        ))}
        {d.mayAttach && <AddPhotos demandId={d.id} onDone={() => void load()} />}
      </Space>
      {error && !needsForm && <Alert type="error" title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('number')}>{d.number}</Descriptions.Item>
          <Descriptions.Item label={t('channel')}>{t(`channel.${d.channel}` as Key)}</Descriptions.Item>
          {d.externalRef && <Descriptions.Item label={t('externalRef')}>{d.externalRef}</Descriptions.Item>}
          <Descriptions.Item label={t('type')}>{t(`type.${d.type}` as Key)}</Descriptions.Item>
          <Descriptions.Item label={t('urgency')}>{t(`urgency.${d.urgency}` as Key)}</Descriptions.Item>
          <Descriptions.Item label={t('region')}>{d.region.name}</Descriptions.Item>
          <Descriptions.Item label={t('address')}>
            {d.address}
            {d.latitude != null && d.longitude != null && (
              <Suspense fallback={null}>
                <DemandPoint latitude={d.latitude} longitude={d.longitude} />
              </Suspense>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('category')}>{d.category?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('unit')}>{d.unit?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('reporterName')}>{d.reporterName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('reporterPhone')}>{d.reporterPhone ?? d.reporterContact ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('content')} span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }} data-testid="demand-content">
              {d.content}
            </div>
          </Descriptions.Item>
          {d.replyText && (
            <Descriptions.Item label={t('replyText')} span={2}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{d.replyText}</div>
            </Descriptions.Item>
          )}
          {d.attachments.length > 0 && (
            <Descriptions.Item label={t('attachments')} span={2}>
              <Space wrap>
                {d.attachments.map((a) => (
                  <a key={a.id} href={`/api/v1/attachments/${a.id}`} target="_blank" rel="noreferrer">
                    <img src={`/api/v1/attachments/${a.id}`} alt={a.filename} style={{ maxHeight: 96 }} />
                  </a>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {suggestions && routable && (
        <Card title={t('suggestions')} style={{ marginTop: 16 }} data-testid="suggestions">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('category')}>
              <Space wrap>
                {suggestions.categories.map((c) => (
                  <Tag key={c.categoryId}>
                    {c.name} · {Math.round(c.confidence * 100)}%
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('unit')}>
              <Space direction="vertical">
                {suggestions.units.map((u) => (
                  <Space key={u.unitId}>
                    <Button
                      size="small"
                      onClick={() => {
                        setPreset({ unitId: u.unitId, categoryId: suggestions.categories[0]?.categoryId });
                        setVerb('dispatch');
                      }}
                    >
                      {t('dispatch')} → {u.name}
                    </Button>
                    <Typography.Text type="secondary">
                      {t('suggestReason')
                        .replace('{category}', u.because.categoryName)
                        .replace('{p}', String(Math.round(u.because.confidence * 100)))
                        .replace('{n}', String(u.because.dispatched))
                        .replace('{r}', String(u.because.returned))}
                    </Typography.Text>
                  </Space>
                ))}
              </Space>
            </Descriptions.Item>
            {suggestions.duplicates.length > 0 && (
              <Descriptions.Item label={t('duplicates')}>
                <Space direction="vertical">
                  {suggestions.duplicates.map((x) => (
                    <Space key={x.id}>
                      <a href={`#/demand/${x.id}`}>
                        {x.number} {x.title}
                      </a>
                      <Typography.Text type="secondary">{Math.round(x.similarity * 100)}%</Typography.Text>
                      <Popconfirm
                        title={t('mergeConfirm').replace('{number}', x.number)}
                        onConfirm={() => run({ intoDemandId: x.id }, 'merge' as Verb)}
                        okText={t('confirm')}
                        cancelText={t('cancel')}
                      >
                        <Button size="small">{t('mergeInto')}</Button>
                      </Popconfirm>
                    </Space>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}
      {related.length > 0 && (
        <Card title={t('related')} style={{ marginTop: 16 }}>
          <Space direction="vertical">
            {related.map((r) => (
              <a key={`${r.kind}-${r.id}`} href={`#/demand/${r.id}`}>
                {t(r.kind)}：{r.number}
              </a>
            ))}
          </Space>
        </Card>
      )}
      <DemandPanels d={d} />
      <PublicFaceCard demandId={d.id} version={d.events.length} />
      <Card title={t('timeline')} style={{ marginTop: 16 }}>
        <Timeline
          items={d.events.map((e) => ({
            key: e.id,
            content: (
              <span>
                {formatTime(e.at, lang)} · <strong>{actionNames[e.action]?.[lang] ?? e.action}</strong> ·{' '}
                {e.actor.name ?? t(`auditActor.${e.actor.kind}` as 'auditActor.system')}
                {e.reason ? `：${e.reason}` : ''}
                {eventDetail(e, t) && <div className="event-detail">{eventDetail(e, t)}</div>}
              </span>
            ),
          }))}
        />
      </Card>
      {needsForm && (
        <Modal
          open
          title={verb ? t((offered(d).find((o) => o.verb === verb)?.label ?? 'actions') as Key) : ''}
          onCancel={() => {
            setVerb(null);
            setError(null);
            setPreset({});
          }}
          onOk={() => form.submit()}
          okText={t('confirm')}
          cancelText={t('cancel')}
          destroyOnHidden
        >
          <Form
            form={form}
            layout="vertical"
            onFinish={run}
            initialValues={{ extraWorkdays: 5, supervised: true, level: 'township', ...dispatchDefaults(d, suggestions, verb), ...preset }}
          >
            {verb === 'dispatch' && <DispatchFields demandId={d.id} units={units} hasCategory={d.category !== null} />}
            {verb === 'transfer' && (
              <Form.Item label={t('transferTo')} name="toUnitId" rules={[{ required: true }]}>
                <Select
                  options={units.filter((u) => u.id !== d.unit?.id).map((u) => ({ value: u.id, label: u.name }))}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            )}
            {verb === 'end-assist' && (
              <Form.Item label={t('assistsTitle')} name="unitId" rules={[{ required: true }]}>
                <Select
                  options={d.assists.filter((x) => !x.endedAt && !x.contributedAt).map((x) => ({ value: x.unit.id, label: x.unit.name }))}
                />
              </Form.Item>
            )}
            {verb === 'contribute' && (
              <Form.Item label={t('contribution')} name="contribution" rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={4} />
              </Form.Item>
            )}
            {(verb === 'callback-attempt' || verb === 'remind') && (
              <Form.Item label={t(verb === 'remind' ? 'remindNote' : 'callbackNote')} name="note">
                <Input.TextArea rows={2} />
              </Form.Item>
            )}
            {verb === 'supervise' && (
              <>
                <Form.Item label={t('supervisionLevel')} name="level">
                  <Radio.Group options={(['township', 'district'] as const).map((l) => ({ value: l, label: t(`supervision.${l}`) }))} />
                </Form.Item>
                <Form.Item label={t('supervisionDue')} name="dueAt" extra={t('supervisionDueHint')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </>
            )}
            {(verb === 'reply' || verb === 'answer') && (
              <>
                <SimilarReplies demandId={d.id} onQuote={(reply) => form.setFieldValue('reply', reply)} />
                {verb === 'answer' && (
                  <>
                    <KnowledgeHints
                      text={`${d.title} ${d.content}`}
                      onUse={(a) => {
                        form.setFieldValue('reply', a.body);
                        form.setFieldValue('knowledgeArticleId', a.id);
                      }}
                    />
                    <Form.Item name="knowledgeArticleId" hidden>
                      <Input />
                    </Form.Item>
                  </>
                )}
                <Form.Item label={t('templates')}>
                  <Space wrap>
                    {(['tpl.fixed', 'tpl.scheduled', 'tpl.explained'] as const).map((k) => (
                      <Button key={k} size="small" onClick={() => form.setFieldValue('reply', t(k))}>
                        {t(k).slice(0, 12)}…
                      </Button>
                    ))}
                  </Space>
                </Form.Item>
                <Form.Item label={t('replyText')} name="reply" rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={4} />
                </Form.Item>
              </>
            )}
            {(verb === 'callback' || verb === 'merged-callback') && (
              <>
                <Form.Item label={t('satisfaction')} name="satisfaction" rules={[{ required: true }]}>
                  <Radio.Group
                    options={(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((s) => ({ value: s, label: t(s) }))}
                  />
                </Form.Item>
                {/* Asked, not assumed: the resident's word decides 解决率. */}
                <Form.Item label={t('solvedQuestion')} name="solved" rules={[{ required: true, message: t('solvedRequired') }]}>
                  <Radio.Group
                    options={[
                      { value: true, label: t('solvedYes') },
                      { value: false, label: t('solvedNo') },
                    ]}
                  />
                </Form.Item>
                {verb === 'callback' && (
                  <Form.Item label={t('callbackComment')} name="comment">
                    <Input.TextArea rows={2} maxLength={1000} />
                  </Form.Item>
                )}
              </>
            )}
            {verb === 'extension-requests' && (
              <Form.Item label={t('extraWorkdays')} name="extraWorkdays" rules={[{ required: true }]}>
                <InputNumber min={1} max={30} />
              </Form.Item>
            )}
            {(verb === 'return' ||
              verb === 'transfer' ||
              verb === 'decline-transfer' ||
              verb === 'reopen' ||
              verb === 'decline' ||
              verb === 'supervise' ||
              verb === 'extension-requests' ||
              verb === 'withdraw' ||
              verb === 'deny') && (
              <Form.Item label={t('reason')} name="reason" rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            )}
            {error && <Alert type="error" title={error} role="alert" />}
          </Form>
        </Modal>
      )}
    </main>
  );
}

/**
 * A dispatch starts from what the demand already says: its urgency, its category, or the one category the model is
 * sure of (a person still confirms it).
 */
function dispatchDefaults(d: Detail, suggestions: Suggestions | null, verb: string | null): Record<string, unknown> {
  if (verb !== 'dispatch') return {};
  const top = suggestions?.categories[0];
  const sure = top && top.confidence >= 0.995 ? top : null;
  return { urgency: d.urgency, categoryId: d.category?.id ?? sure?.categoryId };
}

type T = ReturnType<typeof useApp>['t'];
type Event = Detail['events'][number];

/** What an entry of the timeline decided, in words: the unit, the callback's answer, the days granted, the reply. */
function eventDetail(e: Event, t: T): string | null {
  const x = e.data ?? {};
  switch (e.action) {
    case 'dispatch': {
      if (!x.unitName) return null;
      const helpers = Array.isArray(x.assistingUnits) ? (x.assistingUnits as { name: string }[]).map((h) => h.name).join('、') : '';
      return `${t('dispatchedTo')}${String(x.unitName)}${helpers ? `；${t('assistsTitle')}：${helpers}` : ''}`;
    }
    case 'record_callback':
      return `${t(String(x.satisfaction) as Key)} · ${x.solved ? t('solvedYes') : t('solvedNo')}`;
    case 'request_extension':
      return t('extensionAsked').replace('{n}', String(x.extraWorkdays));
    case 'decide_extension':
      return (x.approved ? t('extensionApproved') : t('extensionDenied')).replace('{n}', String(x.extraWorkdays));
    case 'reply':
    case 'answer_directly':
      return typeof x.reply === 'string' ? x.reply : null;
    case 'merge':
      return x.intoNumber ? `${t('mergedInto')}：${String(x.intoNumber)}` : null;
    case 'contribute':
      return typeof x.contribution === 'string' ? x.contribution : null;
    case 'request_transfer':
    case 'decline_transfer':
      return x.toUnitName ? `${t('transferTo')}：${String(x.toUnitName)}` : null;
    case 'accept_transfer':
      return x.unitName ? `${t('dispatchedTo')}${String(x.unitName)}` : null;
    case 'supervise':
    case 'escalate':
      return x.level ? t(`supervision.${String(x.level)}` as Key) : null;
    case 'remind':
      return t('reminders').replace('{n}', String(x.reminders));
    default:
      return null;
  }
}

/** A toast that says what happened, not just "done": where it went and by when. */
function doneMessage(verb: Verb | 'approve' | 'deny', d: Detail, t: T, lang: 'zh-CN' | 'en'): string {
  const due = d.stageDueAt ? formatTime(d.stageDueAt, lang) : '';
  if ((verb === 'dispatch' || verb === 'accept-transfer') && d.unit)
    return t('doneDispatch').replace('{unit}', d.unit.name).replace('{due}', due);
  if (verb === 'reply' || verb === 'answer') return t('doneReply');
  if (verb === 'merge') return t('doneMerge');
  return `${t('doneGeneric')}${stateNames[d.state]?.[lang] ?? d.state}`;
}
