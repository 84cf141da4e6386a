import { Button, message } from 'antd';
import { useState } from 'react';
import { client } from '../../../shared/client';
import { usePageMessages } from '../../page-messages';
import { fail } from './directory';
import { adminMessages } from './messages';

/** 立即升级督办: a supervisor or admin runs the escalation rules now rather than waiting for the next five-minute round. */
export function EscalationRun() {
  const m = usePageMessages(adminMessages);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<number | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      const r = await client.POST('/escalations/run');
      setLast(r.escalated);
      message.success(m('escalated', { n: r.escalated }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span>
      <Button loading={busy} onClick={() => void run()} data-action="run-escalation">
        {m('runEscalation')}
      </Button>
      {last !== null && (
        <span role="status" style={{ marginLeft: 8 }}>
          {m('escalated', { n: last })}
        </span>
      )}
    </span>
  );
}
