import { Form, Input, Modal, message, Typography } from 'antd';
import { useState } from 'react';
import { client, type Schemas } from '../../../../shared/client';
import { useCourseMessages } from './messages';
import { errorText } from './shared';

type Plan = Schemas['TrainingPlanRow'];

/** 审议: approve with an optional opinion, or return with the reasons (the server insists on them). */
export function PlanReview({
  plan,
  approved,
  onClose,
  onDone,
}: {
  plan: Plan;
  approved: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useCourseMessages();
  const [form] = Form.useForm<{ note?: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ note }: { note?: string }) => {
    setBusy(true);
    try {
      await client.POST('/training-plans/{id}/review', { path: { id: plan.id }, body: { approved, note: note?.trim() || undefined } });
      message.success(t(approved ? 'planApproved' : 'planReturned'));
      onDone();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t(approved ? 'approveTitle' : 'returnTitle', { title: plan.title })}
      okText={t(approved ? 'approve' : 'returnPlan')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {approved && <Typography.Paragraph>{t('approveHint')}</Typography.Paragraph>}
      <Form form={form} name="review" layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('opinion')} rules={approved ? [] : [{ required: true, message: t('opinionRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
