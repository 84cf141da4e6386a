import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, message, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Body, client, type Schemas } from '../../../../shared/client';
import { useCourseMessages } from './messages';
import { errorText, regionOptions, useRegions } from './shared';

type Plan = Schemas['TrainingPlanRow'];
type Session = Body<'/courses'>['sessions'][number];
type Values = Omit<Body<'/courses'>, 'sessions'> & {
  sessions: (Omit<Session, 'startsAt' | 'endsAt'> & { startsAt: Dayjs; endsAt: Dayjs })[];
};

const kinds = ['lecture', 'practice', 'field_visit'] as const;

/** 新建课程: its sessions (each gets a check-in QR), and seats per township when by invitation. */
export function CourseForm({ open, plans, onClose }: { open: boolean; plans: Plan[]; onClose: () => void }) {
  const t = useCourseMessages();
  const regions = useRegions();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const audience = Form.useWatch('audience', form);
  const places = regionOptions(regions, ['district', 'township', 'community']);
  const townships = regionOptions(regions, ['township']);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const course = await client.POST('/courses', {
        body: {
          ...v,
          planId: v.planId ?? null,
          track: v.track?.trim() || null,
          quotas: v.audience === 'invited' ? v.quotas : undefined,
          sessions: v.sessions.map((s) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
        },
      });
      location.hash = `#/courses/${course.id}`;
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const req = [{ required: true, message: t('required') }];
  return (
    <Modal
      open={open}
      title={t('newCourse')}
      okText={t('create')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        name="course"
        layout="vertical"
        onFinish={submit}
        initialValues={{ audience: 'open', capacity: 30, sessions: [{ kind: 'lecture' }] }}
      >
        <Form.Item name="title" label={t('courseTitle')} rules={req}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="organiser" label={t('organiser')} rules={req}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="venue" label={t('venue')} rules={req}>
          <Input maxLength={200} />
        </Form.Item>
        {places.length > 0 && (
          <Form.Item name="regionId" label={t('region')} rules={req} initialValue={places[0].value}>
            <Select options={places} showSearch optionFilterProp="label" />
          </Form.Item>
        )}
        <Form.Item name="planId" label={t('inPlan')}>
          <Select
            allowClear
            options={plans.filter((p) => p.actions.includes('add_course')).map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
        <Form.Item name="track" label={t('track')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="audience" label={t('audience')}>
          <Radio.Group>
            <Radio value="open">{t('audience.open')}</Radio>
            <Radio value="invited">{t('audience.invited')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="capacity" label={t('capacity')} rules={req}>
          <InputNumber min={1} max={10000} />
        </Form.Item>
        {audience === 'invited' && (
          <Form.List name="quotas" initialValue={[{}]}>
            {(fields, { add, remove }) => (
              <Card size="small" title={t('quotas')} style={{ marginBottom: 16 }}>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="end">
                    <Form.Item name={[f.name, 'regionId']} label={t('township')} rules={req}>
                      <Select options={townships} style={{ minWidth: 160 }} showSearch optionFilterProp="label" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'seats']} label={t('seats')} rules={req}>
                      <InputNumber min={1} max={10000} />
                    </Form.Item>
                    <Form.Item>
                      <Button onClick={() => remove(f.name)}>{t('remove')}</Button>
                    </Form.Item>
                  </Space>
                ))}
                <Button onClick={() => add({})}>{t('addQuota')}</Button>
              </Card>
            )}
          </Form.List>
        )}
        <Form.Item name="description" label={t('description')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.List name="sessions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  title={t('sessionN', { n: i + 1 })}
                  style={{ marginBottom: 12 }}
                  extra={fields.length > 1 && <Button onClick={() => remove(f.name)}>{t('remove')}</Button>}
                >
                  <Form.Item name={[f.name, 'topic']} label={t('topic')} rules={req}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'place']} label={t('place')} rules={req}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} label={t('kind')}>
                    <Radio.Group>
                      {kinds.map((k) => (
                        <Radio key={k} value={k}>
                          {t(`kind.${k}`)}
                        </Radio>
                      ))}
                    </Radio.Group>
                  </Form.Item>
                  <Space wrap>
                    <Form.Item name={[f.name, 'startsAt']} label={t('startsAt')} rules={req}>
                      <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'endsAt']} label={t('endsAt')} rules={req}>
                      <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button onClick={() => add({ kind: 'lecture' })}>{t('addSession')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
