import { Alert, Button, Card, Form, Modal, message, Result, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../shared/api';
import { client, type Schemas } from '../../shared/client';
import { actionNames, formatTime, stateNames } from '../../shared/i18n';
import { useApp } from '../app-context';
import { dueLabel } from '../due-label';
import type { messages } from '../messages';
import { Tone } from '../tone';
import { ActionFields } from './demand/ActionFields';
import { AddPhotos } from './demand/AddPhotos';
import { DemandFacts } from './demand/DemandFacts';
import { DemandPanels } from './demand/DemandPanels';
import { type Choice, doneMessage, immediate, offered, sendChoice } from './demand/demand-actions';
import { eventDetail } from './demand/event-detail';
import { type Suggestions, SuggestionsCard } from './demand/SuggestionsCard';
import { SupervisionTag } from './demand/SupervisionTag';
import { PublicFaceCard } from './moderation/PublicFaceCard';

type Key = keyof typeof messages;
type Detail = Schemas['DemandDetail'];

/** 诉求详情: what the demand says, what the caller may do with it now (as the server says), and its history. */
export function DetailPage({ id }: { id: number }) {
  const { t, lang, has } = useApp();
  const [d, setD] = useState<Detail | null | 'missing'>(null);
  const [verb, setVerb] = useState<Choice | null>(null);
  const [units, setUnits] = useState<Schemas['Unit'][]>([]);
  const [error, setError] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [preset, setPreset] = useState<Record<string, unknown>>({});
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    try {
      setD(await client.GET('/demands/{id}', { path: { id } }));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setD('missing');
      else throw e;
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (has('dispatcher') || has('handler')) void client.GET('/units').then((r) => setUnits(r.items));
  }, [has]);
  const routable = d !== null && d !== 'missing' && (d.state === 'registered' || d.state === 'returned') && has('dispatcher');
  useEffect(() => {
    if (routable) void client.GET('/demands/{id}/suggestions', { path: { id } }).then(setSuggestions, () => setSuggestions(null));
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
      const after = await sendChoice(chosen, d.id, values);
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
    <div>
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
      <DemandFacts d={d} />
      {suggestions && routable && (
        <SuggestionsCard
          suggestions={suggestions}
          onDispatch={(p) => {
            setPreset(p);
            setVerb('dispatch');
          }}
          onMerge={(intoDemandId) => run({ intoDemandId }, 'merge')}
        />
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
      {/* Moderators are the region's operators, as the menu has it: no one else is asked (each ask would be a 404). */}
      {has('operator') && <PublicFaceCard demandId={d.id} version={d.events.length} />}
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
            {verb && <ActionFields verb={verb} d={d} units={units} form={form} />}
            {error && <Alert type="error" title={error} role="alert" />}
          </Form>
        </Modal>
      )}
    </div>
  );
}

/**
 * A dispatch starts from what the demand already says: its urgency, its category, or the one category the model is
 * sure of (a person still confirms it).
 */
function dispatchDefaults(d: Detail, suggestions: Suggestions | null, verb: Choice | null): Record<string, unknown> {
  if (verb !== 'dispatch') return {};
  const top = suggestions?.categories[0];
  const sure = top && top.confidence >= 0.995 ? top : null;
  return { urgency: d.urgency, categoryId: d.category?.id ?? sure?.categoryId };
}
