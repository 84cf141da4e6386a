import { Form, Input, Modal, message, Select, Typography } from 'antd';
import { ApiError } from '../../../shared/api';
import { client, type Schemas } from '../../../shared/client';
import { usePageMessages } from '../../page-messages';
import { proposalMessages } from './messages';

type Proposal = Schemas['Proposal'];
type Props = { proposal: Proposal | null; onClose: () => void; onDone: () => Promise<void> };

const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e));

/** 代为附议: a resident at the desk or on the phone supports a proposal; their phone makes it one second each. */
export function SecondDialog({ proposal, onClose, onDone }: Props) {
  const m = usePageMessages(proposalMessages);
  const [form] = Form.useForm<{ phone: string }>();
  const save = async (v: { phone: string }) => {
    if (!proposal) return;
    try {
      const p = await client.POST('/proposals/{id}/seconds', { path: { id: proposal.id }, body: { phone: v.phone } });
      message.success(m('seconded', { n: p.seconds }));
      form.resetFields();
      onClose();
      await onDone();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Modal
      open={proposal !== null}
      title={m('secondTitle', { title: proposal?.title ?? '' })}
      okText={m('ok')}
      cancelText={m('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} name="second" layout="vertical" onFinish={save}>
        <Form.Item name="phone" label={m('secondPhone')} rules={[{ required: true }]}>
          <Input inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 合并: a duplicate joins the proposal that stays; the server counts each supporter once. */
export function MergeDialog({ proposal, others, onClose, onDone }: Props & { others: Proposal[] }) {
  const m = usePageMessages(proposalMessages);
  const [form] = Form.useForm<{ intoId: number }>();
  const save = async (v: { intoId: number }) => {
    if (!proposal) return;
    try {
      const into = await client.POST('/proposals/{id}/merge', { path: { id: proposal.id }, body: { intoId: v.intoId } });
      message.success(m('merged', { n: into.seconds }));
      await onDone();
      form.resetFields();
      onClose();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Modal
      open={proposal !== null}
      title={m('mergeTitle', { title: proposal?.title ?? '' })}
      okText={m('ok')}
      cancelText={m('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{m('mergeHelp')}</Typography.Paragraph>
      <Form form={form} name="merge" layout="vertical" onFinish={save}>
        <Form.Item name="intoId" label={m('mergeInto')} rules={[{ required: true }]}>
          <Select
            options={others.map((o) => ({ value: o.id, label: o.hidden ? m('hidden', { reason: o.hiddenReason ?? '' }) : o.title }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
