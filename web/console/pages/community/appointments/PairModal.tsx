import { Checkbox, Form, Input } from 'antd';
import { client } from '../../../../shared/client';
import { useApp } from '../../../app-context';
import { FormModal } from './FormModal';
import { useAppointmentT } from './messages';
import type { AppointeeRow } from './types';

type Values = { supportName: string; me?: boolean };

/** 一对一结对帮带: the official who supports the appointee; when that is the caller, they may log the meetings. */
export function PairModal(props: { who: AppointeeRow; open: boolean; onClose: (done: boolean) => void }) {
  const t = useAppointmentT();
  const { me } = useApp();
  return (
    <FormModal<Values>
      name="pair"
      title={t('pairOf', { name: props.who.name })}
      open={props.open}
      onClose={props.onClose}
      initialValues={{ supportName: props.who.supportName ?? '' }}
      send={(v) =>
        client.POST('/appointees/{id}/pairing', {
          path: { id: props.who.id },
          body: { supportName: v.supportName.trim(), supportUserId: v.me ? me.id : null },
        })
      }
    >
      {() => (
        <>
          <Form.Item name="supportName" label={t('supportName')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="me" valuePropName="checked">
            <Checkbox>{t('supportIsMe')}</Checkbox>
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
