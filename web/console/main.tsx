import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createRoot } from 'react-dom/client';
import { currentLang } from '../shared/api';
import { App } from './App';
import './console.css';

// Someone who has asked their system for less motion (dizziness, a slow PC) gets dialogs, lists and pop-overs that
// appear at once instead of zooming and sliding.
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

createRoot(document.getElementById('root')!).render(
  <ConfigProvider
    locale={currentLang() === 'en' ? enUS : zhCN}
    // "派单", not "派 单": Chinese two-character buttons read as one word.
    button={{ autoInsertSpace: false }}
    theme={{
      token: {
        colorPrimary: '#0b3d91',
        colorLink: '#0b3d91',
        colorInfo: '#0b3d91',
        colorTextSecondary: '#3f3f3f',
        colorTextTertiary: '#4f4f4f',
        colorTextDescription: '#4f4f4f',
        colorTextPlaceholder: '#5c5c5c',
        fontSize: 15,
        motion: !reducedMotion,
      },
    }}
  >
    <App />
  </ConfigProvider>,
);
