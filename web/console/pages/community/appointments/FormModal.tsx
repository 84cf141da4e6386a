import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../../../shared/api';
import { useAppointmentT } from './messages';

/**
 * A form in a modal that sends one request: on success it closes and the page reloads; on refusal it stays open with
 * the server's message, so nothing typed is lost.
 */
export function FormModal<V extends object>(props: {
  title: string;
  name: string;
  open: boolean;
  onClose: (done: boolean) => void;
  send: (values: V) => Promise<unknown>;
  initialValues?: Partial<V>;
  children: (form: FormInstance<V>) => ReactNode;
}) {
  const t = useAppointmentT();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const finish = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await props.send(values);
      props.onClose(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
      afterClose={() => setError(null)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name={props.name} initialValues={props.initialValues} onFinish={finish}>
        {props.children(form)}
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </Modal>
  );
}
