import { Alert, Form, Input, Modal, message, Select } from 'antd';
import { useState } from 'react';
import { type Body, client, type Schemas } from '../../../../shared/client';
import { useCourseMessages } from './messages';
import { errorText } from './shared';

type Course = Schemas['Course'];
type Values = Pick<Body<'/courses/{id}/enrolments'>, 'name' | 'phone' | 'regionId' | 'affiliation'>;

/**
 * 现场报名: the desk enrols a walk-in learner. The staff API takes no phone code (the server trusts staff at the
 * desk), so the number is read back to the learner instead; the outcome is texted to that phone.
 */
export function DeskEnrol({ course, onClose, onDone }: { course: Course; onClose: () => void; onDone: () => void }) {
  const t = useCourseMessages();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const r = await client.POST('/courses/{id}/enrolments', {
        path: { id: course.id },
        body: {
          name: v.name.trim(),
          phone: v.phone.trim(),
          regionId: v.regionId ?? null,
          affiliation: v.affiliation?.trim() || null,
        },
      });
      if (r.state === 'waitlisted') message.warning(t('waitlisted', { name: v.name, n: r.waitlistPosition ?? '' }));
      else message.success(t('enrolled', { name: v.name }));
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
      title={t('deskEnrol')}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Alert type="info" showIcon message={t('deskEnrolHint')} style={{ marginBottom: 12 }} />
      <Form form={form} name="enrol" layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('name')} rules={req}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('phone')} rules={req}>
          <Input maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        {course.quotas.length > 0 && (
          <Form.Item name="regionId" label={t('township')} rules={req}>
            <Select options={course.quotas.map((q) => ({ value: q.regionId, label: q.township }))} />
          </Form.Item>
        )}
        <Form.Item name="affiliation" label={t('affiliation')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
