import { Button, Card, List } from 'antd';
import { EmptyText } from './EmptyText';
import { useAppointmentT } from './messages';
import type { AppointeeRow, Programme } from './types';

/**
 * 待覆盖岗位: the posts with nobody in office today, each with the candidates already on their way and, where the
 * server lets the caller nominate for it, the way to put one forward.
 */
export function UncoveredCard(props: { programme: Programme; rows: AppointeeRow[]; onNominate: (postRegionId: number) => void }) {
  const t = useAppointmentT();
  const open = props.programme.coverage.uncovered;
  const mayFor = new Set(props.programme.nominatePosts.map((p) => p.regionId));
  const pending = (postRegionId: number) =>
    props.rows.filter((r) => r.postRegionId === postRegionId && (r.state === 'nominated' || r.state === 'approved'));
  return (
    <Card title={t('uncovered', { n: open.length })} style={{ marginTop: 16 }}>
      <List
        size="small"
        dataSource={open}
        locale={{ emptyText: <EmptyText>{t('allCovered')}</EmptyText> }}
        pagination={open.length > 20 ? { pageSize: 20, size: 'small' } : false}
        renderItem={(p) => {
          const ahead = pending(p.regionId);
          const name = `${p.township} · ${p.name}`;
          return (
            <List.Item data-post={p.name}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', width: '100%' }}>
                <span style={{ flex: '1 1 160px' }}>{name}</span>
                {ahead.length > 0 && (
                  <span style={{ color: '#444' }}>
                    {t('inPipeline', { names: ahead.map((r) => `${r.name}（${t(`state.${r.state}`)}）`).join('、') })}
                  </span>
                )}
                {mayFor.has(p.regionId) && (
                  <Button size="small" aria-label={t('nominateFor', { post: name })} onClick={() => props.onNominate(p.regionId)}>
                    {t('action.nominate')}
                  </Button>
                )}
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
