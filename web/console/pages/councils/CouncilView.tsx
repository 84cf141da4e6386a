import { Button, Card, DatePicker, Form, Input, message, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { type CouncilDetail, errorText } from './council-types';

export function CouncilView({ id }: { id: number }) {
  const { t, lang } = useApp();
  const [c, setC] = useState<CouncilDetail | null>(null);
  const load = useCallback(() => client.GET('/councils/{id}', { path: { id } }).then(setC), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!c) return null;
  return (
    <div>
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
              const m = await client.POST('/councils/{id}/meetings', {
                path: { id },
                body: {
                  title: v.title,
                  place: v.place,
                  startsAt: v.startsAt.toISOString(),
                },
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
    </div>
  );
}
