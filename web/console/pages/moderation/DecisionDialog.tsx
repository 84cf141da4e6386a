import { Form, Input, Modal, message, Typography } from 'antd';
import { ApiError } from '../../../shared/api';
import { client } from '../../../shared/client';
import { usePageMessages } from '../../page-messages';
import { moderationMessages } from './messages';

export type Target = { kind: 'notice_comment' | 'proposal' | 'demand' | 'reply'; id: number; text: string; verb: 'hide' | 'redact' };

/**
 * The moderator's decision on one published item: take it down, or remove a passage, always with a reason. Mounted only
 * while open: a closed dialog left in the page would be one more "OK" button for a page's other dialogs to trip on.
 */
export function DecisionDialog({ target, onClose, onDone }: { target: Target | null; onClose: () => void; onDone: () => Promise<void> }) {
  const m = usePageMessages(moderationMessages);
  const [form] = Form.useForm<{ passage?: string; reason: string }>();
  const kind = target ? m(`kind.${target.kind}`) : '';
  const save = async (v: { passage?: string; reason: string }) => {
    if (!target) return;
    try {
      if (target.verb === 'hide')
        await client.POST('/moderation/{kind}/{id}/hide', { path: { kind: target.kind, id: target.id }, body: { reason: v.reason } });
      else
        await client.POST('/moderation/{kind}/{id}/redact', {
          path: { kind: target.kind, id: target.id },
          body: { passage: v.passage ?? '', reason: v.reason },
        });
      message.success(target.verb === 'hide' ? m('takenDown') : m('redacted'));
      form.resetFields();
      onClose();
      await onDone();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Modal
      open={target !== null}
      title={target?.verb === 'redact' ? m('redactTitle', { kind }) : m('takeDownTitle', { kind })}
      okText={m('ok')}
      cancelText={m('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8 }}>{target?.text}</Typography.Paragraph>
      <Form form={form} name="moderation-decision" layout="vertical" onFinish={save}>
        {target?.verb === 'redact' && (
          <Form.Item name="passage" label={m('passage')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={m('reason')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
