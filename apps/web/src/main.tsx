import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/app.css';
import './styles/lists.css';
import './styles/highlight.css';
import './styles/quiz.css';
import { followTheme } from './telegram/theme';
import { telegramWebApp } from './telegram/web-app';

const webApp = telegramWebApp();
// Colours first, so the first paint already has Telegram's theme.
followTheme(document.documentElement, webApp);
webApp?.ready?.();
webApp?.expand?.();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
