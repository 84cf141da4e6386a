import { Button, Card, DatePicker, Form, Input, message, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type Answer, client, uploadFile } from '../../../shared/client';
import { useApp } from '../../app-context';
import { FilePick } from '../../file-pick';
import { usePageMessages } from '../../page-messages';
import { fail, submitter } from './directory';
import { adminMessages } from './messages';

type Day = Answer<'/calendar/days', 'get'>['items'][number];

/** 节假日: the exceptions to the Monday–Friday week that every working-day deadline counts with. */
export function CalendarTab() {
  const { t } = useApp();
  const m = usePageMessages(adminMessages);
  const [days, setDays] = useState<Day[]>([]);
  const [lines, setLines] = useState('');
  const load = useCallback(async () => setDays((await client.GET('/calendar/days')).items), []);
  useEffect(() => {
    void load();
  }, [load]);
  const submit = submitter(load);
  const importLines = async () => {
    try {
      // The API takes the CSV as the request body: pasted lines travel as a file of their own.
      const file = new File([lines], 'calendar.csv', { type: 'text/csv' });
      const r = await uploadFile('/calendar/import', file);
      message.success(m('imported', { n: r.saved }));
      setLines('');
      await load();
    } catch (e) {
      fail(e);
    }
  };
  const removeDay = async (day: string) => {
    try {
      await client.DELETE('/calendar/days/{day}', { path: { day } });
      message.success(m('dayRemoved', { day }));
      await load();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={m('importTitle')} size="small">
        <Typography.Paragraph type="secondary">{m('importHelp')}</Typography.Paragraph>
        <label htmlFor="calendar-lines">{m('importText')}</label>
        <Input.TextArea
          id="calendar-lines"
          rows={5}
          value={lines}
          onChange={(e) => setLines(e.target.value)}
          placeholder={'2027-10-01,休,国庆节\n2027-10-09,班,国庆调休'}
          style={{ marginBottom: 8 }}
        />
        <Space wrap>
          <FilePick
            id="calendar-file"
            label={m('importFile')}
            accept=".csv,text/csv,text/plain"
            onPick={async (f) => setLines(await f.text())}
          />
          <Button type="primary" disabled={!lines.trim()} onClick={() => void importLines()} data-action="import-calendar">
            {m('importDo')}
          </Button>
        </Space>
      </Card>
      <Card size="small">
        <Form
          name="calendar"
          layout="inline"
          style={{ marginBottom: 16 }}
          onFinish={async (v: { day: { format: (f: string) => string }; kind: Day['kind']; note?: string }) =>
            submit(
              () =>
                client.PUT('/calendar/days', { body: { days: [{ day: v.day.format('YYYY-MM-DD'), kind: v.kind, note: v.note ?? '' }] } }),
              m('daySaved', { day: v.day.format('YYYY-MM-DD') }),
            )
          }
        >
          <Form.Item name="day" label={t('day')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]} initialValue="holiday">
            <Select
              style={{ width: 120 }}
              options={[
                { value: 'holiday', label: t('holiday') },
                { value: 'workday', label: t('workday') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('note')}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('add')}
          </Button>
        </Form>
        <Table<Day>
          rowKey="day"
          size="small"
          dataSource={days}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('day'), dataIndex: 'day' },
            { title: t('kind'), dataIndex: 'kind', render: (k: Day['kind']) => t(k) },
            { title: t('note'), dataIndex: 'note' },
            {
              title: m('actions'),
              render: (_, d) => (
                <Popconfirm title={m('removeDayConfirm', { day: d.day })} onConfirm={() => void removeDay(d.day)}>
                  <Button size="small" data-day={d.day}>
                    {m('removeDay')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
