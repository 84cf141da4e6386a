import { Button, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { client, setCsrfToken } from '../shared/client';
import { useHashRoute } from '../shared/hash-route';
import { useI18n } from '../shared/i18n';
import { AppContext, type Me } from './app-context';
import { messages } from './messages';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { ListPage } from './pages/ListPage';
import { LoginPage } from './pages/LoginPage';
import { useNarrow } from './use-narrow';

// Each page is its own chunk: the first load carries the frame and the queue, a desk PC or a phone fetches the rest when opened.
const MenuDrawer = lazy(() => import('./menu-drawer'));
const AccountPage = lazy(() => import('./pages/account/AccountPage').then((m) => ({ default: m.AccountPage })));
const ProposalsPage = lazy(() => import('./pages/proposals/ProposalsPage').then((m) => ({ default: m.ProposalsPage })));
const AdminPage = lazy(() => import('./pages/AdminPage').then((m) => ({ default: m.AdminPage })));
const AssessmentDetail = lazy(() => import('./pages/assessments/AssessmentDetail').then((m) => ({ default: m.AssessmentDetail })));
const AssessmentsPage = lazy(() => import('./pages/assessments/AssessmentsPage').then((m) => ({ default: m.AssessmentsPage })));
const ScoringPage = lazy(() => import('./pages/assessments/ScoringPage').then((m) => ({ default: m.ScoringPage })));
const AppointmentsPage = lazy(() => import('./pages/community/AppointmentsPage').then((m) => ({ default: m.AppointmentsPage })));
const CoursesPage = lazy(() => import('./pages/community/CoursesPage').then((m) => ({ default: m.CoursesPage })));
const AuditPage = lazy(() => import('./pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const CouncilsPage = lazy(() => import('./pages/councils/CouncilsPage').then((m) => ({ default: m.CouncilsPage })));
const DetailPage = lazy(() => import('./pages/DetailPage').then((m) => ({ default: m.DetailPage })));
const IntakePage = lazy(() => import('./pages/IntakePage').then((m) => ({ default: m.IntakePage })));
const ModerationPage = lazy(() => import('./pages/ModerationPage').then((m) => ({ default: m.ModerationPage })));
const RatesPage = lazy(() => import('./pages/RatesPage').then((m) => ({ default: m.RatesPage })));
const ImportPage = lazy(() => import('./pages/ImportPage').then((m) => ({ default: m.ImportPage })));
const DemoSmsPage = lazy(() => import('./pages/DemoSmsPage').then((m) => ({ default: m.DemoSmsPage })));
const OutboxPage = lazy(() => import('./pages/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const ReceptionPage = lazy(() => import('./pages/ReceptionPage').then((m) => ({ default: m.ReceptionPage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const TopicsPage = lazy(() => import('./pages/TopicsPage').then((m) => ({ default: m.TopicsPage })));

export function App() {
  const { t, lang, setLang } = useI18n(messages);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const hash = useHashRoute('#/list');
  // A phone gets the menu behind a button: as a bar of its own it took a third of the screen on every page.
  const narrow = useNarrow();
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuWanted, setMenuWanted] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page (hash) closes the drawer
  useEffect(() => setMenuOpen(false), [hash]);
  useEffect(() => {
    client.GET('/auth/me').then(
      (m) => {
        setCsrfToken(m.csrfToken);
        setMe(m);
      },
      () => setMe(null),
    );
  }, []);
  if (me === undefined) return <Spin style={{ margin: 48 }} />;
  if (me === null) {
    return (
      <LoginPage
        t={t}
        onLogin={(m) => {
          setCsrfToken(m.csrfToken);
          setMe(m);
        }}
      />
    );
  }
  if (me.mustChangePassword) return <ChangePasswordPage t={t} onChanged={() => setMe({ ...me, mustChangePassword: false })} />;
  const has = (role: string) => me.grants.some((g) => g.role === role || g.role === 'admin');
  const [, page, param] = hash.split('/');
  const items = [
    { key: 'list', label: <a href="#/list">{t('menuList')}</a> },
    ...(has('operator')
      ? [
          { key: 'intake', label: <a href="#/intake">{t('menuIntake')}</a> },
          { key: 'reception', label: <a href="#/reception">{t('menuReception')}</a> },
          { key: 'councils', label: <a href="#/councils">{t('menuCouncils')}</a> },
          { key: 'proposals', label: <a href="#/proposals">{lang === 'en' ? 'Proposals' : '群众提议'}</a> },
          { key: 'moderation', label: <a href="#/moderation">{t('menuModeration')}</a> },
          { key: 'courses', label: <a href="#/courses">{t('menuCourses')}</a> },
          { key: 'appointments', label: <a href="#/appointments">{t('menuAppointments')}</a> },
        ]
      : []),
    ...(has('supervisor')
      ? [
          { key: 'dashboard', label: <a href="#/dashboard">{t('menuDashboard')}</a> },
          { key: 'topics', label: <a href="#/topics">{t('menuTopics')}</a> },
          { key: 'rates', label: <a href="#/rates">{t('menuRates')}</a> },
          { key: 'audit', label: <a href="#/audit">{t('menuAudit')}</a> },
        ]
      : []),
    { key: 'account', label: <a href="#/account">{lang === 'en' ? 'My account' : '我的账号'}</a> },
    // Anyone may sit on a panel or answer for an assessed unit: the list shows only rounds they have a part in.
    { key: 'assessments', label: <a href="#/assessments">{t('menuAssessments')}</a> },
    ...(me.grants.some((g) => g.role === 'admin')
      ? [
          { key: 'outbox', label: <a href="#/outbox">{t('menuOutbox')}</a> },
          { key: 'import', label: <a href="#/import">{t('menuImport')}</a> },
          { key: 'admin', label: <a href="#/admin">{t('menuAdmin')}</a> },
        ]
      : []),
  ];
  const selected = page === 'demand' ? 'list' : page === 'meetings' ? 'councils' : page === 'score' ? 'assessments' : page;
  const logout = async () => {
    await client.POST('/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    setMe(null);
  };
  return (
    <AppContext.Provider value={{ me, t, lang, has }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header className="console-header">
          <Typography.Text style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>
            {narrow ? t('appShort') : t('appName')}
          </Typography.Text>
          {narrow ? (
            <>
              <Button
                aria-expanded={menuOpen}
                aria-controls="console-menu-drawer"
                onClick={() => {
                  setMenuWanted(true);
                  setMenuOpen(true);
                }}
                data-action="open-menu"
              >
                {t('menuButton')}
              </Button>
              {menuWanted && (
                <Suspense fallback={null}>
                  <MenuDrawer title={t('appName')} open={menuOpen} onClose={() => setMenuOpen(false)} selected={selected} items={items} />
                </Suspense>
              )}
            </>
          ) : null}
          <Space className="console-user">
            <Typography.Text style={{ color: '#fff' }} data-testid="me">
              {me.displayName}
            </Typography.Text>
            <span className="console-roles">
              {[...new Set(me.grants.map((g) => g.role))].map((r) => (
                <Tag key={r}>{t(`role.${r}` as keyof typeof messages)}</Tag>
              ))}
            </span>
            <Button
              size="small"
              onClick={() => {
                setLang(lang === 'en' ? 'zh-CN' : 'en');
                location.reload();
              }}
            >
              {lang === 'en' ? '中文' : 'English'}
            </Button>
            <Button size="small" onClick={logout}>
              {t('logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout hasSider={!narrow}>
          {/* An administrator's 17 entries wrapped the header into two rows at 1280 px: on a desk's screen the menu is a
              column of its own, every entry a visible link. */}
          {!narrow && (
            <Layout.Sider className="console-sider" width={192} theme="light">
              <Menu mode="inline" selectedKeys={[selected]} items={items} className="console-menu" />
            </Layout.Sider>
          )}
          {/* antd's Content is the page's one <main> landmark: each page inside it is a plain block, never a second main. */}
          <Layout.Content className="console-content">
            <Suspense fallback={<Spin style={{ margin: 48 }} />}>
              {page === 'intake' ? (
                <IntakePage />
              ) : page === 'audit' ? (
                <AuditPage />
              ) : page === 'moderation' ? (
                <ModerationPage />
              ) : page === 'demand' ? (
                <DetailPage id={Number(param)} />
              ) : page === 'councils' ? (
                <CouncilsPage councilId={param ? Number(param) : undefined} />
              ) : page === 'meetings' ? (
                <CouncilsPage meetingId={Number(param)} />
              ) : page === 'reception' ? (
                <ReceptionPage id={param ? Number(param) : undefined} />
              ) : page === 'dashboard' ? (
                <DashboardPage />
              ) : page === 'topics' ? (
                <TopicsPage />
              ) : page === 'assessments' ? (
                param ? (
                  <AssessmentDetail id={Number(param)} />
                ) : (
                  <AssessmentsPage />
                )
              ) : page === 'appointments' ? (
                <AppointmentsPage id={param ? Number(param) : undefined} />
              ) : page === 'courses' ? (
                <CoursesPage id={param ? Number(param) : undefined} />
              ) : page === 'score' ? (
                <ScoringPage id={Number(param)} />
              ) : page === 'rates' ? (
                <RatesPage />
              ) : page === 'import' ? (
                <ImportPage />
              ) : page === 'outbox' ? (
                <OutboxPage />
              ) : page === 'demo-sms' ? (
                <DemoSmsPage />
              ) : page === 'proposals' ? (
                <ProposalsPage />
              ) : page === 'account' ? (
                <AccountPage />
              ) : page === 'admin' ? (
                <AdminPage />
              ) : page === 'list' || !page ? (
                <ListPage key={param ?? ''} regionId={param?.startsWith('region-') ? Number(param.slice(7)) : undefined} />
              ) : (
                <Result status="404" title="404" />
              )}
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </AppContext.Provider>
  );
}
