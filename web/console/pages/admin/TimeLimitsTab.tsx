import { Button, Card, Form, InputNumber, List, message, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type Answer, client } from '../../../shared/client';
import { usePageMessages } from '../../page-messages';
import { type Directory, fail } from './directory';
import { type AdminKey, adminMessages } from './messages';

type Rule = Answer<'/time-limits', 'get'>['items'][number];
type Row = Omit<Rule, 'urgency'> & { urgency: Rule['urgency'] | 'any' };

const stages = ['dispatch', 'acknowledge', 'reply', 'callback'] as const;
const urgencies = ['any', 'emergency', 'normal', 'complex'] as const;
const units = ['minutes', 'hours', 'workdays'] as const;

/** 办理时限: the deadline rules per stage, urgency and category, read as sentences ("签收：2 小时"). */
export function TimeLimitsTab({ dir }: { dir: Directory }) {
  const m = usePageMessages(adminMessages);
  const [rules, setRules] = useState<Rule[]>([]);
  const [form] = Form.useForm<{ rules: Row[] }>();
  const load = useCallback(async () => {
    const r = await client.GET('/time-limits');
    setRules(r.items);
    form.setFieldsValue({ rules: r.items.map((x) => ({ ...x, urgency: x.urgency ?? 'any' })) });
  }, [form]);
  useEffect(() => {
    void load();
  }, [load]);
  const sentence = (r: Rule) =>
    `${m(`stage.${r.stage}`)}（${m(`urgency.${r.urgency ?? 'any'}` as AdminKey)}${
      r.categoryId ? ` · ${dir.categoryName.get(r.categoryId) ?? ''}` : ''
    }）：${r.amount} ${m(`unit.${r.unit}`)}`;
  const save = async (v: { rules?: Row[] }) => {
    try {
      const out = (v.rules ?? []).map((r) => ({ ...r, categoryId: r.categoryId ?? null, urgency: r.urgency === 'any' ? null : r.urgency }));
      await client.PUT('/time-limits', { body: { rules: out } });
      message.success(m('saved'));
      await load();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Card>
      <Typography.Paragraph type="secondary">{m('timeLimitsHelp')}</Typography.Paragraph>
      <List
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        dataSource={rules}
        locale={{ emptyText: m('noRules') }}
        renderItem={(r) => <List.Item data-testid="time-limit">{sentence(r)}</List.Item>}
      />
      <Form form={form} name="time-limits" onFinish={save}>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                // A line under each rule: on a phone its fields stack, and two rules would read as one.
                <Space
                  key={f.key}
                  wrap
                  align="start"
                  data-rule={f.name}
                  style={{ width: '100%', paddingBottom: 8, borderBottom: '1px dashed #d9d9d9' }}
                >
                  <Form.Item name={[f.name, 'stage']} label={m('stage')} style={{ marginBottom: 0 }}>
                    <Select style={{ width: 100 }} options={stages.map((s) => ({ value: s, label: m(`stage.${s}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'urgency']} label={m('urgency')} style={{ marginBottom: 0 }}>
                    <Select style={{ width: 120 }} options={urgencies.map((u) => ({ value: u, label: m(`urgency.${u}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'categoryId']} label={m('category')} style={{ marginBottom: 0 }}>
                    <Select
                      style={{ width: 220, maxWidth: '70vw' }}
                      allowClear
                      placeholder={m('anyCategory')}
                      options={dir.categoryOptions}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                  {/* The number and its unit are one field ("2 小时"): the unit never wraps away from its number. */}
                  <Form.Item label={m('amount')} htmlFor={`time-limits_rules_${f.name}_amount`} required style={{ marginBottom: 0 }}>
                    <Space.Compact>
                      {/* No min or max: a number box would clamp silently; the server refuses and says why. */}
                      <Form.Item name={[f.name, 'amount']} noStyle rules={[{ required: true }]}>
                        <InputNumber style={{ width: 90 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'unit']} noStyle>
                        <Select
                          aria-label={m('timeUnit')}
                          style={{ width: 110 }}
                          options={units.map((u) => ({ value: u, label: m(`unit.${u}`) }))}
                        />
                      </Form.Item>
                    </Space.Compact>
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{m('remove')}</Button>
                </Space>
              ))}
              <Space wrap>
                <Button onClick={() => add({ stage: 'acknowledge', urgency: 'any', categoryId: null, amount: 2, unit: 'hours' })}>
                  {m('addRule')}
                </Button>
                <Button type="primary" htmlType="submit" data-action="save-time-limits">
                  {m('save')}
                </Button>
              </Space>
            </Space>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
