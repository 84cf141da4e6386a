import { Checkbox, List, Modal, message, Typography } from 'antd';
import { useState } from 'react';
import { client, type Schemas } from '../../../../shared/client';
import { useCourseMessages } from './messages';
import { emptyText, errorText } from './shared';

type Course = Schemas['Course'];

/** 点名: the learners holding a place as a checklist; those already present (by QR or an earlier roll) stay ticked. */
export function RollCall({
  course,
  session,
  onClose,
  onDone,
}: {
  course: Course;
  session: Course['sessions'][number];
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useCourseMessages();
  const already = new Set(session.attendees);
  const learners = course.enrolments.filter((e) => e.actions.includes('attend') || already.has(e.id));
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const toggle = (id: number, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(id);
    else next.delete(id);
    setTicked(next);
  };
  const save = async () => {
    if (ticked.size === 0) {
      message.info(t('nothingNew'));
      return;
    }
    setBusy(true);
    try {
      const r = await client.POST('/course-sessions/{id}/attendance', { path: { id: session.id }, body: { enrolmentIds: [...ticked] } });
      message.success(t('rollSaved', { n: r.recorded }));
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
      title={t('rollCallTitle', { topic: session.topic })}
      okText={t('saveRoll')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={save}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('rollCallHint')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={learners}
        locale={emptyText(t('noOne'))}
        renderItem={(e) => (
          <List.Item>
            <Checkbox
              checked={already.has(e.id) || ticked.has(e.id)}
              disabled={already.has(e.id)}
              onChange={(ev) => toggle(e.id, ev.target.checked)}
            >
              {e.name}（{e.phone}）
            </Checkbox>
          </List.Item>
        )}
      />
    </Modal>
  );
}
