import { Typography } from 'antd';
import { useApp } from '../app-context';
import { usePageMessages } from '../page-messages';
import { CalendarTab } from './admin/CalendarTab';
import { CategoriesTab } from './admin/CategoriesTab';
import { useDirectory } from './admin/directory';
import { GazetteerTab } from './admin/GazetteerTab';
import { gazetteerWords } from './admin/gazetteer-words';
import { KnowledgeTab } from './admin/KnowledgeTab';
import { adminMessages } from './admin/messages';
import { RegionsTab } from './admin/RegionsTab';
import { SectionNav } from './admin/SectionNav';
import { SettingsTab } from './admin/SettingsTab';
import { TimeLimitsTab } from './admin/TimeLimitsTab';
import { UnitsTab } from './admin/UnitsTab';
import { UsersTab } from './admin/UsersTab';
import { Open311Keys } from './Open311Keys';

/** Admin: the district's places, units, categories, people, calendar, rules and answers. The server checks it is an admin. */
export function AdminPage() {
  const { t } = useApp();
  const m = usePageMessages(adminMessages);
  const dir = useDirectory();
  const g = usePageMessages(gazetteerWords);
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuAdmin')}
      </Typography.Title>
      <SectionNav
        label={t('menuAdmin')}
        items={[
          { key: 'regions', label: t('tabRegions'), children: <RegionsTab dir={dir} /> },
          { key: 'places', label: g('tab'), children: <GazetteerTab /> },
          { key: 'units', label: t('tabUnits'), children: <UnitsTab dir={dir} /> },
          { key: 'categories', label: t('tabCategories'), children: <CategoriesTab dir={dir} /> },
          { key: 'users', label: t('tabUsers'), children: <UsersTab dir={dir} /> },
          { key: 'knowledge', label: m('tabKnowledge'), children: <KnowledgeTab dir={dir} /> },
          { key: 'settings', label: m('tabSettings'), children: <SettingsTab /> },
          { key: 'time-limits', label: m('tabTimeLimits'), children: <TimeLimitsTab dir={dir} /> },
          { key: 'calendar', label: t('calendar'), children: <CalendarTab /> },
          { key: 'open311', label: t('tabOpen311'), children: <Open311Keys regions={dir.regions} /> },
        ]}
      />
    </div>
  );
}
