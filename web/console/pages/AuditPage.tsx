import { Button, Card, Form, Input, Select, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { auditActionName, auditResourceNames, isSingletonRecord } from '../../shared/audit-names';
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
    <div>
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
              // A demand opens from here; a record there is only one of is named by kind; others by kind and number.
              if (e.resource === 'demand') return <a href={`#/demand/${e.resourceId}`}>{`${name}（${t('auditOpen')}）`}</a>;
              if (isSingletonRecord(e.resource, e.resourceId)) return name;
              if (e.resource === 'partition') return t('auditPartitionOf', { name, id: e.resourceId });
              return t('auditRecordOf', { name, id: e.resourceId });
            },
          },
          {
            title: t('auditAction'),
            render: (_, e) => (
              <>
                {auditActionName(e.resource, e.action, lang) ?? t('auditOtherAction')}
                <ArchiveFacts e={e} />
              </>
            ),
          },
          { title: t('auditReason'), dataIndex: 'reason', render: (r: string | null) => r ?? '' },
        ]}
      />
      {next && (
        <Button style={{ marginTop: 12 }} onClick={() => void load(filter, next)}>
          {t('loadMore')}
        </Button>
      )}
    </div>
  );
}

/** An archived or restored month says how many rows it held and (archive) the start of its file's checksum, to match the file kept. */
function ArchiveFacts({ e }: { e: AuditEvent }) {
  const { t, lang } = useApp();
  if (e.resource !== 'partition' || !e.data) return null;
  const { rows, sha256 } = e.data;
  const facts = [
    typeof rows === 'number' ? t('auditArchiveRows', { n: rows.toLocaleString(lang) }) : null,
    typeof sha256 === 'string' ? t('auditArchiveChecksum', { sha: sha256.slice(0, 12) }) : null,
  ].filter(Boolean);
  return facts.length ? (
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
      {facts.join(' · ')}
    </Typography.Text>
  ) : null;
}
