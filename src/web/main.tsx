/** Entry point: styles (KRDS tokens first, ours on top), language bootstrap, the router and the query client around App. */
import 'krds-uiux/resources/css/token/krds_tokens.css';
import './styles.css';
import './shell.css';
import './staff.css';
import './workspace.css';
import './education.css';
import './events.css';
import './training.css';
import './ordinance.css';
import './opendata.css';
import './settlement.css';
import './news.css';
import './transparency.css';
import './todo.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { langFromSearch, storedLang, withLang } from './i18n.ts';
import { queryClient } from './queries.ts';

// A returning English reader who opens a bare link gets `?lang=en` written into the URL, so
// what they copy and share shows the page in the language they see.
const stored = storedLang();
if (!langFromSearch(window.location.search) && stored === 'en') {
  const { pathname, search, hash } = window.location;
  window.history.replaceState(null, '', withLang(pathname + search + hash, stored));
}

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
