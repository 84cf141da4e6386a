import { Alert, Form, Input, Modal, message, Select } from 'antd';
import { useRef, useState } from 'react';
import { type Body, client, type Schemas } from '../../../../shared/client';
import { useApp } from '../../../app-context';
import { useCourseMessages } from './messages';
import { errorText, regionOptions, useRegions } from './shared';

type Course = Schemas['Course'];
const types = ['suggestion', 'help', 'consultation', 'complaint', 'report'] as const;
type Values = Pick<Body<'/courses/{id}/demands'>, 'content' | 'reporterName' | 'reporterPhone' | 'reporterContact' | 'regionId'> & {
  type: (typeof types)[number];
};

/** 登记活动诉求: what a resident raised at the class, registered on the activity channel and linked to the course. */
export function ActivityDemand({ course, onClose, onDone }: { course: Course; onClose: () => void; onDone: () => void }) {
  const { t: app } = useApp();
  const t = useCourseMessages();
  const regions = useRegions();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  // One key per form opened: a resend after a dropped answer finds the first demand instead of making a second.
  const key = useRef(`course-${course.id}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const r = await client.POST('/courses/{id}/demands', {
        path: { id: course.id },
        body: {
          type: v.type,
          content: v.content.trim(),
          reporterName: v.reporterName?.trim() || undefined,
          reporterPhone: v.reporterPhone?.trim() || undefined,
          reporterContact: v.reporterContact?.trim() || undefined,
          regionId: v.regionId,
          idempotencyKey: key.current,
        },
      });
      message.success(t('demandRecorded', { number: r.number }));
      onDone();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const req = [{ required: true, message: t('required') }];
  return (
    <Modal
      open
      title={t('recordDemand')}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Alert type="info" showIcon message={t('demandHint')} style={{ marginBottom: 12 }} />
      <Form form={form} name="demand" layout="vertical" onFinish={submit} initialValues={{ type: 'suggestion', regionId: course.regionId }}>
        <Form.Item name="type" label={t('demandType')}>
          <Select options={types.map((k) => ({ value: k, label: app(`type.${k}`) }))} />
        </Form.Item>
        <Form.Item name="content" label={t('demandContent')} rules={req}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="reporterName" label={t('reporterName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="reporterPhone" label={t('reporterPhone')}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="reporterContact" label={t('reporterContact')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="regionId" label={t('demandRegion')} rules={req}>
          <Select
            showSearch
            optionFilterProp="label"
            options={
              regions.length
                ? regionOptions(regions, ['district', 'township', 'community', 'grid'])
                : [{ value: course.regionId, label: course.region }]
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
