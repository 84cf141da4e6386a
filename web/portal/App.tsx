import { useEffect, useState } from 'react';
import { client, type Region } from '../shared/client';
import { useHashRoute } from '../shared/hash-route';
import { useI18n } from '../shared/i18n';
import { messages } from './messages';
import { AnsweredPage } from './pages/AnsweredPage';
import { CheckInPage } from './pages/CheckInPage';
import { CommunityPage } from './pages/CommunityPage';
import { CoursesPage } from './pages/CoursesPage';
import { DonePage, type Receipt } from './pages/DonePage';
import { LookupPage } from './pages/LookupPage';
import { ReceptionDaysPage } from './pages/ReceptionDaysPage';
import { ResultsPage } from './pages/ResultsPage';
import { SubmitPage } from './pages/SubmitPage';

function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem('tj.elder') === '1');
  useEffect(() => {
    document.body.classList.toggle('elder', on);
    localStorage.setItem('tj.elder', on ? '1' : '0');
  }, [on]);
  return [on, setOn];
}

export function App() {
  const { t, lang, setLang } = useI18n(messages);
  const route = useHashRoute('#/');
  const [elder, setElder] = useElderMode();
  const [regions, setRegions] = useState<Region[]>([]);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  useEffect(() => {
    document.documentElement.lang = lang;
    client.GET('/regions').then(
      (r) => setRegions(r.items),
      () => setRegions([]),
    );
  }, [lang]);

  const page = route.split('?')[0];
  const tab = (href: string, label: string) => (
    <a href={href} aria-current={page === href ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <header className="top">
        <h1>{t('appName')}</h1>
        <p>{t('tagline')}</p>
        <div className="toggles">
          <button type="button" onClick={() => setElder(!elder)} aria-pressed={elder}>
            {elder ? t('elderOff') : t('elderOn')}
          </button>
          <button type="button" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')} lang={lang === 'en' ? 'zh-CN' : 'en'}>
            {t('langSwitch')}
          </button>
        </div>
      </header>
      <nav className="tabs" aria-label={t('appName')}>
        {tab('#/', t('navSubmit'))}
        {tab('#/lookup', t('navLookup'))}
        {tab('#/answered', t('navAnswered'))}
        {tab('#/reception', t('navReception'))}
        {tab('#/community', t('navCommunity'))}
        {tab('#/courses', t('navCourses'))}
        {tab('#/results', t('navResults'))}
      </nav>
      <main>
        {page.startsWith('#/checkin/') ? (
          <CheckInPage t={t} lang={lang} code={decodeURIComponent(page.slice('#/checkin/'.length))} />
        ) : page === '#/results' ? (
          <ResultsPage t={t} lang={lang} />
        ) : page === '#/courses' ? (
          <CoursesPage t={t} lang={lang} regions={regions} />
        ) : page === '#/lookup' ? (
          <LookupPage t={t} lang={lang} initial={receipt} />
        ) : page === '#/community' ? (
          <CommunityPage t={t} lang={lang} regions={regions} />
        ) : page === '#/reception' ? (
          <ReceptionDaysPage t={t} lang={lang} />
        ) : page === '#/answered' ? (
          <AnsweredPage t={t} lang={lang} regions={regions} />
        ) : page === '#/done' && receipt ? (
          <DonePage t={t} receipt={receipt} />
        ) : (
          <SubmitPage
            t={t}
            regions={regions}
            onDone={(r) => {
              setReceipt(r);
              location.hash = '#/done';
            }}
          />
        )}
      </main>
      <footer>{t('hotline')}</footer>
    </>
  );
}
