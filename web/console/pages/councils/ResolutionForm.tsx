import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Body } from '../../../shared/client';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { councilsWords } from './councils-words';

type ResolutionInput = Body<'/agenda-items/{id}/resolution'>;

/** 决议 for a passed item: its text, and its action items each with an owner unit and a due date. */
export function ResolutionForm({
  itemId,
  units,
  onAdopt,
}: {
  itemId: number;
  units: { id: number; name: string }[];
  onAdopt: (body: ResolutionInput) => Promise<void>;
}) {
  const { t } = useApp();
  const w = usePageMessages(councilsWords);
  return (
    <Form
      name={`resolution-${itemId}`}
      layout="vertical"
      onFinish={(v: {
        text: string;
        noticeDays: number;
        actionItems?: { title: string; ownerUnitId: number; dueOn: { format: (f: string) => string } }[];
      }) =>
        onAdopt({
          text: v.text,
          noticeDays: v.noticeDays,
          actionItems: (v.actionItems ?? []).map((a) => ({
            title: a.title,
            ownerUnitId: a.ownerUnitId,
            dueOn: a.dueOn.format('YYYY-MM-DD'),
          })),
        })
      }
    >
      <Form.Item name="text" label={t('resolutionText')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.List name="actionItems">
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14 }}>{w('actionItems')}</legend>
            {fields.map((f, i) => (
              <Space key={f.key} wrap align="start" data-testid={`action-row-${i}`}>
                <Form.Item name={[f.name, 'title']} label={w('actionTitle')} rules={[{ required: true }]}>
                  <Input style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'ownerUnitId']} label={w('ownerUnit')} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 200 }}
                    options={units.map((u) => ({ value: u.id, label: u.name }))}
                    showSearch={{ optionFilterProp: 'label' }}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} label={w('dueOn')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }}>
                  {w('remove')}
                </Button>
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" onClick={() => add()}>
                {w('addActionItem')}
              </Button>
            </Form.Item>
          </fieldset>
        )}
      </Form.List>
      <Form.Item name="noticeDays" label={t('noticeDays')} initialValue={7}>
        <InputNumber min={1} max={60} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('adopt')}
      </Button>
    </Form>
  );
}

/** A resolution's action items: which unit, by when, where each stands, its 督办 if it went overdue, and what may be done now. */
