import { Button, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../../../shared/client';
import { CreateProgrammeModal } from './CreateProgrammeModal';
import { EmptyText } from './EmptyText';
import { useAppointmentT } from './messages';
import type { ProgrammeList } from './types';

/** The programmes in the caller's regions, and setting up a new one where the server says the caller may. */
export function ProgrammeListPage() {
  const t = useAppointmentT();
  const [list, setList] = useState<ProgrammeList | null>(null);
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => void client.GET('/appointment-programmes').then(setList), []);
  useEffect(load, [load]);
  if (!list) return null;
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      {list.createIn.length > 0 && (
        <Button type="primary" data-action="create" onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
          {t('newProgramme')}
        </Button>
      )}
      <List
        dataSource={list.items}
        locale={{ emptyText: <EmptyText>{t('listEmpty')}</EmptyText> }}
        renderItem={(p) => (
          <List.Item>
            <a href={`#/appointments/${p.id}`}>{p.name}</a>
            <span>
              {p.region} · {t(`postKind.${p.postKind}`)}
            </span>
          </List.Item>
        )}
      />
      {creating && (
        <CreateProgrammeModal
          open
          regions={list.createIn}
          onClose={(done, id) => {
            setCreating(false);
            if (done && id) location.hash = `#/appointments/${id}`;
          }}
        />
      )}
    </section>
  );
}
