import { Alert, Button, Form, Input, message, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/api';
import { client, type Region, type Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import { useApp } from '../app-context';

type Key = Schemas['Open311Key'];

/** Admin: keys for integrators posting through Open311. A key is shown once, when issued. */
export function Open311Keys({ regions }: { regions: Region[] }) {
  const { t, lang } = useApp();
  const [keys, setKeys] = useState<Key[]>([]);
  const [issued, setIssued] = useState<string | null>(null);
  // The list read on opening may answer after the one read once a key is issued: only the newest read is shown.
  const reads = useRef(0);
  const load = useCallback(async () => {
    const read = ++reads.current;
    const { items } = await client.GET('/open311/keys');
    if (read === reads.current) setKeys(items);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e));
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  return (
    <>
      <Typography.Paragraph>{t('open311Intro')}</Typography.Paragraph>
      <Form
        id="open311"
        layout="inline"
        onFinish={async (v: { name: string; regionId: number }) => {
          try {
            const r = await client.POST('/open311/keys', { body: v });
            setIssued(r.apiKey);
            await load();
          } catch (e) {
            fail(e);
          }
        }}
      >
        <Form.Item name="name" label={t('open311KeyName')} rules={[{ required: true }]}>
          <Input style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="regionId" label={t('open311KeyRegion')} rules={[{ required: true }]}>
          <Select
            style={{ width: 180 }}
            showSearch
            optionFilterProp="label"
            options={regions.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          {t('open311Issue')}
        </Button>
      </Form>
      {issued && (
        <Alert
          style={{ margin: '12px 0' }}
          type="success"
          showIcon
          message={t('open311Issued')}
          description={
            <Typography.Text copyable code>
              {issued}
            </Typography.Text>
          }
          closable
          onClose={() => setIssued(null)}
        />
      )}
      <Table<Key>
        style={{ marginTop: 12 }}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={keys}
        columns={[
          { title: t('open311KeyName'), dataIndex: 'name' },
          { title: t('open311KeyRegion'), render: (_, k) => regionName.get(k.regionId) ?? k.regionId },
          { title: t('open311Created'), render: (_, k) => formatTime(k.createdAt, lang) },
          {
            title: '',
            render: (_, k) =>
              k.revokedAt ? (
                <Typography.Text type="secondary">
                  {t('open311Revoked')} {formatTime(k.revokedAt, lang)}
                </Typography.Text>
              ) : (
                <Space>
                  <Popconfirm
                    title={t('open311RevokeConfirm')}
                    onConfirm={async () => {
                      try {
                        await client.POST('/open311/keys/{id}/revoke', { path: { id: k.id } });
                        await load();
                      } catch (e) {
                        fail(e);
                      }
                    }}
                  >
                    <Button size="small" danger>
                      {t('open311Revoke')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
