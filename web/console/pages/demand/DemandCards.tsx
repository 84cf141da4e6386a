import { Card, List, Pagination, Space, Tag } from 'antd';
import { stateNames } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { dueLabel } from '../../due-label';
import { Highlight, HitSnippet } from '../../highlight';
import type { DemandRow } from './demand-row';
import { SupervisionTag } from './SupervisionTag';

/** The queue on a phone: one card per demand, the whole card a link, big enough for a thumb. */
export function DemandCards({
  items,
  total,
  page,
  onPage,
  q,
}: {
  items: DemandRow[];
  /** The words searched for, marked in each card. */
  q?: string;
  total: number;
  page: number;
  onPage: (p: number) => void;
}) {
  const { t, lang } = useApp();
  return (
    <div data-testid="demand-cards">
      <List
        dataSource={items}
        renderItem={(r) => (
          <List.Item style={{ padding: '6px 0', border: 'none' }}>
            <a href={`#/demand/${r.id}`} style={{ display: 'block', width: '100%', color: 'inherit' }}>
              <Card size="small" hoverable>
                <div style={{ fontWeight: 600, fontSize: 16, marginBottom: 6 }}>
                  <Highlight text={r.title} q={q} />
                  <HitSnippet title={r.title} content={r.content} q={q} />
                </div>
                <Space wrap size={4}>
                  <Tag>{stateNames[r.state]?.[lang] ?? r.state}</Tag>
                  <SupervisionTag row={r} />
                  {dueLabel(r, t)}
                </Space>
                <div style={{ color: '#595959', marginTop: 6, fontSize: 13 }}>
                  {r.number} · {r.region.name}
                  {r.unit ? ` · ${r.unit.name}` : ''}
                </div>
              </Card>
            </a>
          </List.Item>
        )}
      />
      <Pagination simple current={page} pageSize={20} total={total} onChange={onPage} style={{ marginTop: 8, textAlign: 'center' }} />
    </div>
  );
}
