/** Renderer entry: one store, one API (Electron bridge or web client), live sync, then React. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppProvider } from './store/app-context';
import { createAppStore, type AppStore } from './store/app-store';
import { createRefreshSender, startLiveSync } from './store/live-sync';
import { browserStorage } from './store/storage';
import { getApi, isWebFace } from './transport';
import './styles.css';

const api = getApi();
let store: AppStore | null = null;
const refresh = createRefreshSender(api, () => store);
store = createAppStore({ storage: browserStorage(), onRefreshChange: (ms) => refresh.send(ms) });
const sync = startLiveSync(api, store, { refresh });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider services={{ store, api, sync, webFace: isWebFace() }}>
      <App />
    </AppProvider>
  </StrictMode>,
);
