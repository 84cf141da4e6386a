import { Button, List, Space, Tag, Typography } from 'antd';
import { formatDay, formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import type { ActionItem } from './council-types';
import { councilsWords } from './councils-words';

export function ActionItems({
  items,
  onChange,
}: {
  items: ActionItem[];
  onChange: (a: ActionItem, status: 'open' | 'done') => Promise<void>;
}) {
  const { lang } = useApp();
  const w = usePageMessages(councilsWords);
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(a) => (
        <List.Item
          data-testid={`action-item-${a.id}`}
          actions={a.actions.map((act) => (
            <Button key={act} size="small" onClick={() => onChange(a, act === 'complete' ? 'done' : 'open')}>
              {w(act)}
            </Button>
          ))}
        >
          <Space direction="vertical" size={2}>
            <span>
              {a.title} · {w('ownerUnit')} {a.owner}
              {a.ownerUserName ? ` · ${w('person', { name: a.ownerUserName })}` : ''} · {w('dueOn')} {formatDay(a.dueOn, lang)}{' '}
              <Tag>{a.status === 'overdue' ? <strong>{w('state.overdue')}</strong> : w(`state.${a.status}`)}</Tag>
              {a.supervision && (
                <Tag>
                  <strong>{w('supervised')}</strong>
                </Tag>
              )}
            </span>
            {a.supervision && (
              <Typography.Text>
                {w('supervisedAt', { time: formatTime(a.supervision.createdAt, lang), reason: a.supervision.reason })}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
