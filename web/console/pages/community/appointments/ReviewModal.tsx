import { Form, Input, Radio } from 'antd';
import { client } from '../../../../shared/client';
import { FormModal } from './FormModal';
import { useAppointmentT } from './messages';
import type { AppointeeRow } from './types';

type Values = { approved: boolean; note?: string };

/** 资格审查: approve, or refuse with the reason (the server insists on one). */
export function ReviewModal(props: { who: AppointeeRow; open: boolean; onClose: (done: boolean) => void }) {
  const t = useAppointmentT();
  return (
    <FormModal<Values>
      name="review"
      title={t('reviewOf', { name: props.who.name, post: props.who.post })}
      open={props.open}
      onClose={props.onClose}
      initialValues={{ approved: true }}
      send={(v) =>
        client.POST('/appointees/{id}/review', {
          path: { id: props.who.id },
          body: { approved: v.approved, note: v.note?.trim() || undefined },
        })
      }
    >
      {() => (
        <>
          <p>{props.who.background}</p>
          <Form.Item name="approved" label={t('reviewOutcome')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: t('approve') },
                { value: false, label: t('reject') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('reviewNoteField')} rules={[{ max: 1000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
