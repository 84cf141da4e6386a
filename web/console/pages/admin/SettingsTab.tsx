import { Button, Card, Form, InputNumber, message, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { client, type Schemas } from '../../../shared/client';
import { usePageMessages } from '../../page-messages';
import { fail } from './directory';
import { EscalationRun } from './EscalationRun';
import { type AdminKey, adminMessages } from './messages';

type Settings = Schemas['Settings'];
type Key = keyof Settings;

// No min or max here: a number box clamps silently (5 became 1.00 and was saved); the server refuses and says why.
const numbers: { key: Key; step?: number }[] = [
  { key: 'reopen.max' },
  { key: 'rates.minDemands' },
  { key: 'proposals.secondsThreshold' },
  { key: 'public.rateLimitPerMinute' },
  { key: 'public.readRateLimitPerMinute' },
  { key: 'text.autoDispatchConfidence', step: 0.05 },
];

/** 系统设置: each setting by its Chinese name with what it changes; the server checks the ranges. */
export function SettingsTab() {
  const m = usePageMessages(adminMessages);
  const [form] = Form.useForm<Settings>();
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void client.GET('/settings').then((s) => {
      form.setFieldsValue(s);
      setLoaded(true);
    }, fail);
  }, [form]);
  const label = (key: Key) => (
    <span>
      {m(`setting.${key}` as AdminKey)}
      <Typography.Text type="secondary" style={{ display: 'block', fontWeight: 'normal', fontSize: 13 }}>
        {m(`settingHelp.${key}` as AdminKey)}
      </Typography.Text>
    </span>
  );
  const save = async (v: Settings) => {
    try {
      form.setFieldsValue(await client.PATCH('/settings', { body: v }));
      message.success(m('saved'));
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Card>
      <Form form={form} name="settings" layout="vertical" style={{ maxWidth: 640 }} onFinish={save} disabled={!loaded}>
        {numbers.map((n) => (
          <Form.Item key={n.key} name={n.key} label={label(n.key)} rules={[{ required: true }]}>
            <InputNumber step={n.step ?? 1} style={{ width: 160 }} />
          </Form.Item>
        ))}
        <Form.Item name="reopen.auto" label={label('reopen.auto')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="sms.codesBeyondMainland" label={label('sms.codesBeyondMainland')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="topics.risingSms" label={label('topics.risingSms')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="moderation.sensitiveWords" label={label('moderation.sensitiveWords')}>
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item label={label('escalation.rules')}>
          <Form.List name="escalation.rules">
            {(fields, { add, remove }) => (
              <Space direction="vertical">
                {fields.map((f) => (
                  <Space key={f.key} wrap>
                    <Form.Item
                      name={[f.name, 'overdueDays']}
                      label={m('overdueDays')}
                      style={{ marginBottom: 0 }}
                      rules={[{ required: true }]}
                    >
                      <InputNumber />
                    </Form.Item>
                    <Form.Item name={[f.name, 'level']} label={m('escalateTo')} style={{ marginBottom: 0 }} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 170 }}
                        options={(['township', 'district'] as const).map((l) => ({ value: l, label: m(`level.${l}`) }))}
                      />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>{m('remove')}</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ overdueDays: 1, level: 'township' })}>{m('addRule')}</Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" data-action="save-settings">
            {m('save')}
          </Button>
          <EscalationRun />
        </Space>
      </Form>
    </Card>
  );
}
