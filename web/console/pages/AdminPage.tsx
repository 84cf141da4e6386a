import { Button, Card, DatePicker, Form, Input, Select, Table, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../shared/api';
import { useApp } from '../App';

type Day = { day: string; kind: 'holiday' | 'workday'; note: string };

export function AdminPage() {
  const { t } = useApp();
  const [days, setDays] = useState<Day[]>([]);
  const load = () => api<{ items: Day[] }>('GET', '/calendar/days').then((r) => setDays(r.items));
  useEffect(() => {
    void load();
  }, []);
  return (
    <main>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuAdmin')}
      </Typography.Title>
      <Card title={t('calendar')}>
        <Form
          layout="inline"
          style={{ marginBottom: 16 }}
          onFinish={async (v: { day: { format: (f: string) => string }; kind: Day['kind']; note?: string }) => {
            try {
              await api('PUT', '/calendar/days', { days: [{ day: v.day.format('YYYY-MM-DD'), kind: v.kind, note: v.note ?? '' }] });
              await load();
            } catch (e) {
              message.error(e instanceof ApiError ? e.message : String(e));
            }
          }}
        >
          <Form.Item name="day" label={t('day')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]} initialValue="holiday">
            <Select style={{ width: 120 }} options={[{ value: 'holiday', label: t('holiday') }, { value: 'workday', label: t('workday') }]} />
          </Form.Item>
          <Form.Item name="note" label={t('note')}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('add')}
          </Button>
        </Form>
        <Table<Day> rowKey="day" dataSource={days} pagination={{ pageSize: 20 }} columns={[{ title: t('day'), dataIndex: 'day' }, { title: t('kind'), dataIndex: 'kind', render: (k: Day['kind']) => t(k) }, { title: t('note'), dataIndex: 'note' }]} />
      </Card>
    </main>
  );
}
