import { Alert, Button, Card, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import QRCode from 'qrcode';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../shared/api';
import { type Category, client, type Init, type Region, uploadFile } from '../../shared/client';
import { filled } from '../../shared/form-body';
import { useApp } from '../app-context';
import { categoryOption, leastConfidence, useCategorySearch } from '../category-search';
import { usePageMessages } from '../page-messages';
import { matches } from '../pickers';
import { useNarrow } from '../use-narrow';
import { CallerHistory } from './CallerHistory';
import { KnowledgeHints } from './demand/KnowledgeHints';
import { IntakeSlip, type Slip } from './IntakeSlip';
import { intakeMessages } from './intake-messages';
import { PlaceSuggestion } from './PlaceSuggestion';
import { type IncomingCall, useIncomingCalls } from './use-incoming-calls';

type Values = Init<'/demands', 'post'>['body'];

/**
 * Built for a hotline seat: it starts from the caller's number (filled in when the PBX rings), every
 * field reachable by Tab, pickers search by pinyin initials, Ctrl+Enter registers.
 */
export function IntakePage() {
  const { t, me } = useApp();
  const narrow = useNarrow();
  const p = usePageMessages(intakeMessages);
  const [call, setCall] = useState<IncomingCall | null>(null);
  const phoneRef = useRef<{ focus: () => void } | null>(null);
  const [form] = Form.useForm<Values>();
  const callerPhone = Form.useWatch('reporterPhone', form) as string | undefined;
  const [regions, setRegions] = useState<Region[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [slip, setSlip] = useState<Slip | null>(null);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const contentRef = useRef<HTMLTextAreaElement | null>(null);
  const content = Form.useWatch('content', form) as string | undefined;
  const type = Form.useWatch('type', form) as string | undefined;
  const address = Form.useWatch('address', form) as string | undefined;
  const regionId = Form.useWatch('regionId', form) as number | undefined;
  const [suggested, setSuggested] = useState<{ categoryId: number; name: string; confidence: number }[]>([]);
  // While the operator types, the classifier proposes categories: everyday words (路灯, 下水道) find their category.
  useEffect(() => {
    const text = content?.trim() ?? '';
    if (text.length < 4) {
      setSuggested([]);
      return;
    }
    const timer = setTimeout(() => {
      void client.GET('/text/categories', { query: { text: text.slice(0, 500) } }).then(
        (r) => setSuggested(r.categories.filter((c) => c.confidence >= leastConfidence)),
        () => setSuggested([]),
      );
    }, 600);
    return () => clearTimeout(timer);
  }, [content]);
  useEffect(() => {
    void client.GET('/regions').then((r) => setRegions(r.items));
    void client.GET('/categories').then((r) => setCategories(r.items));
  }, []);
  const byId = useMemo(() => new Map(regions.map((r) => [r.id, r])), [regions]);
  const regionOptions = useMemo(
    () =>
      regions
        .filter((r) => r.level !== 'district')
        .map((r) => {
          const parent = r.parentId ? byId.get(r.parentId) : undefined;
          return { value: r.id, label: parent && r.level !== 'township' ? `${parent.name} / ${r.name}` : r.name };
        }),
    [regions, byId],
  );
  const categorySearch = useCategorySearch(matches);
  const categoryOptions = useMemo(() => categories.filter((c) => c.level === 3).map(categoryOption), [categories]);

  async function submit() {
    setError(null);
    const values = await form.validateFields();
    setBusy(true);
    try {
      const body = filled(values);
      const res = await client.POST('/demands', { body: call ? { ...body, callId: call.callId } : body });
      // Photos go up once the demand exists; a refused photo is reported, the demand stays.
      for (const file of files) {
        await uploadFile('/demands/{id}/attachments', file, { path: { id: res.id } }).catch((e: unknown) =>
          setError(e instanceof ApiError ? `${file.name}：${e.message}` : String(e)),
        );
      }
      const qr = await QRCode.toDataURL(`${location.origin}/#/lookup`, { margin: 1, width: 160 });
      setSlip({
        id: res.id,
        number: res.number,
        queryCode: res.queryCode,
        qr,
        content: res.content,
        regionName: res.region.name,
        address: res.address,
        categoryName: res.category?.name ?? null,
        createdAt: res.createdAt,
        replyBy: res.expectedReplyBy,
        operator: me.displayName,
      });
      setCall(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  // A picked option moves on to the next field, so the seat never needs the mouse (and a Tab is not lost closing the list).
  const advance = (field: string) => setTimeout(() => (form.getFieldInstance(field) as { focus?: () => void } | undefined)?.focus?.(), 0);

  const next = () => {
    setSlip(null);
    setFiles([]);
    setCall(null);
    form.resetFields();
    setTimeout(() => phoneRef.current?.focus(), 0);
  };

  // The phone rings: a new caller, so the last slip is put away, the number filled in and their history shown.
  const ringing = useCallback(
    (incoming: IncomingCall) => {
      setSlip((open) => {
        if (open) {
          setFiles([]);
          form.resetFields();
        }
        return null;
      });
      setCall(incoming);
      form.setFieldsValue({ reporterPhone: incoming.phone, channel: 'hotline' });
      setTimeout(() => contentRef.current?.focus(), 0);
    },
    [form],
  );
  useIncomingCalls(ringing);

  return (
    <main
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuIntake')}
      </Typography.Title>
      <Card style={{ maxWidth: 900 }}>
        <Form form={form} layout="vertical" initialValues={{ channel: 'hotline', type: 'complaint', urgency: 'normal' }} requiredMark>
          {call && (
            <Alert
              type="warning"
              showIcon
              role="status"
              data-testid="ringing"
              style={{ marginBottom: 12 }}
              title={call.line ? p('ringing', { phone: call.phone, line: call.line }) : p('ringingNoLine', { phone: call.phone })}
              description={p('ringingHint')}
              action={
                <Button size="small" onClick={() => setCall(null)}>
                  {p('dropCall')}
                </Button>
              }
            />
          )}
          <Space wrap size="large">
            <Form.Item label={t('reporterPhone')} name="reporterPhone" rules={[{ pattern: /^\+?[\d\s-]{5,20}$/ }]}>
              <Input
                inputMode="tel"
                autoFocus
                ref={(el) => {
                  phoneRef.current = el;
                }}
              />
            </Form.Item>
            <Form.Item label={t('reporterName')} name="reporterName" rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Space>
          <CallerHistory phone={callerPhone} />
          <Form.Item label={t('content')} name="content" rules={[{ required: true, whitespace: true }, { max: 5000 }]}>
            <Input.TextArea
              ref={(el) => {
                contentRef.current = el?.resizableTextArea?.textArea ?? null;
              }}
              rows={4}
              maxLength={5000}
            />
          </Form.Item>
          {(type === 'consultation' || type === 'help') && <KnowledgeHints text={content ?? ''} />}
          <Space wrap size="large" style={{ width: '100%' }}>
            <Form.Item
              label={t('region')}
              name="regionId"
              rules={[{ required: true }]}
              extra={
                <>
                  <PlaceSuggestion
                    text={content}
                    address={address}
                    regionId={regionId}
                    onAccept={(id) => form.setFieldValue('regionId', id)}
                  />
                  <div>{t('pickerHint')}</div>
                </>
              }
              style={{ minWidth: 'min(320px, 100%)' }}
            >
              <Select
                showSearch={{ filterOption: (input, o) => matches(String(o?.label ?? ''), input) }}
                options={regionOptions}
                onSelect={() => advance('categoryId')}
              />
            </Form.Item>
            <Form.Item
              label={t('category')}
              extra={
                suggested.length > 0 ? (
                  <Space wrap size={4} data-testid="category-suggestions">
                    {t('suggestedCategories')}
                    {suggested.map((c) => (
                      <Button key={c.categoryId} size="small" onClick={() => form.setFieldValue('categoryId', c.categoryId)}>
                        {c.name.split('/').at(-1)} {Math.round(c.confidence * 100)}%
                      </Button>
                    ))}
                  </Space>
                ) : (
                  t('categoryPickerHint')
                )
              }
              style={{ minWidth: 'min(420px, 100%)' }}
            >
              <Form.Item name="categoryId" noStyle>
                <Select
                  allowClear
                  aria-label={t('category')}
                  style={{ width: '100%' }}
                  showSearch={categorySearch}
                  options={categoryOptions}
                  onSelect={() => advance('address')}
                />
              </Form.Item>
            </Form.Item>
          </Space>
          <Form.Item label={t('address')} name="address" rules={[{ max: 300 }]}>
            <Input />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item label={t('channel')} name="channel">
              <Radio.Group
                options={(['hotline', 'walk_in', 'reception_day', 'letter'] as const).map((c) => ({ value: c, label: t(`channel.${c}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('type')} name="type">
              <Radio.Group
                options={(['complaint', 'help', 'consultation', 'suggestion', 'report'] as const).map((c) => ({
                  value: c,
                  label: t(`type.${c}`),
                }))}
              />
            </Form.Item>
          </Space>
          <Space wrap size="large">
            <Form.Item label={t('reporterContact')} name="reporterContact" rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
            <Form.Item label={t('urgency')} name="urgency">
              <Radio.Group
                options={[
                  { value: 'normal', label: t('urgency.normal') },
                  { value: 'emergency', label: t('urgency.emergency') },
                ]}
              />
            </Form.Item>
          </Space>
          <Form.Item label={t('photos')} htmlFor="intake-photos">
            <input
              id="intake-photos"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              key={files.length === 0 ? 'empty' : 'chosen'}
              onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 9))}
            />
          </Form.Item>
          {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" onClick={submit} loading={busy} id="intake-submit">
            {t('save')}
            {!narrow && t('ctrlEnter')}
          </Button>
        </Form>
      </Card>
      <Modal
        open={!!slip}
        title={t('slipTitle')}
        onCancel={next}
        footer={[
          <Button key="print" onClick={() => window.print()}>
            {t('printSlip')}
          </Button>,
          <Button key="next" type="primary" onClick={next} autoFocus>
            {t('another')}
          </Button>,
        ]}
      >
        {slip && <IntakeSlip slip={slip} />}
      </Modal>
    </main>
  );
}
