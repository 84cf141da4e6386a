import { Button, Card, Form, Input, Select, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { auditActionName, auditResourceNames } from '../../shared/audit-names';
import { client, type Init, type Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import { useApp } from '../app-context';

type AuditEvent = Schemas['AuditEvent'];
type Filter = Partial<Record<'resource' | 'resourceId' | 'actorUserId', string>>;
type Query = NonNullable<Init<'/audit-events', 'get'>['query']>;

/** The form's text, trimmed; an empty field is not sent. */
const query = (f: Filter, before?: number | null): Query => ({
  resource: f.resource?.trim(),
  resourceId: f.resourceId?.trim(),
  actorUserId: f.actorUserId?.trim() ? Number(f.actorUserId.trim()) : undefined,
  before: before ?? undefined,
});

/** 审计日志: who did what to which record, newest first, for admins and supervisors in their region. */
export function AuditPage() {
  const { t, lang } = useApp();
  const [filter, setFilter] = useState<Filter>({});
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async (f: Filter, before?: number | null) => {
    setLoading(true);
    try {
      const page = await client.GET('/audit-events', { query: query(f, before) });
      setItems((old) => (before ? [...old, ...page.items] : page.items));
      setNext(page.nextBefore);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load(filter);
  }, [load, filter]);
  return (
    <main>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuAudit')}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={(v: Filter) => setFilter(v)}>
          <Form.Item name="resource" label={t('auditResource')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 180 }}
              placeholder={t('auditAnyResource')}
              options={Object.entries(auditResourceNames).map(([value, names]) => ({ value, label: names[lang] }))}
            />
          </Form.Item>
          <Form.Item name="resourceId" label={t('auditResourceId')}>
            <Input style={{ width: 120 }} inputMode="numeric" />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t('auditFind')}
          </Button>
        </Form>
      </Card>
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={items}
        scroll={{ x: 720 }}
        columns={[
          { title: t('auditAt'), dataIndex: 'at', render: (at: string) => formatTime(at, lang), width: 150 },
          { title: t('auditActor'), render: (_, e) => e.actor.name ?? t(`auditActor.${e.actor.kind}` as 'auditActor.system') },
          {
            title: t('auditResource'),
            render: (_, e) => {
              const name = auditResourceNames[e.resource]?.[lang] ?? t('auditOtherRecord');
              // A demand opens from here; other records are named by kind and their record number.
              return e.resource === 'demand' ? (
                <a href={`#/demand/${e.resourceId}`}>{`${name}（${t('auditOpen')}）`}</a>
              ) : (
                t('auditRecordOf', { name, id: e.resourceId })
              );
            },
          },
          {
            title: t('auditAction'),
            render: (_, e) => auditActionName(e.resource, e.action, lang) ?? t('auditOtherAction'),
          },
          { title: t('auditReason'), dataIndex: 'reason', render: (r: string | null) => r ?? '' },
        ]}
      />
      {next && (
        <Button style={{ marginTop: 12 }} onClick={() => void load(filter, next)}>
          {t('loadMore')}
        </Button>
      )}
    </main>
  );
}
