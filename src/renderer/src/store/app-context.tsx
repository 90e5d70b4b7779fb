/** React access to the app store and the API: one context, narrow selectors (zustand's useStore). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PortScopeApi } from '../../../shared/api';
import type { AppState, AppStore } from './app-store';
import type { LiveSync } from './live-sync';

export interface AppServices {
  store: AppStore;
  api: PortScopeApi;
  sync: LiveSync | null;
  /** Running in a browser via `portscope web` (no Electron bridge). */
  webFace: boolean;
}

const AppContext = createContext<AppServices | null>(null);

export function AppProvider({ services, children }: { services: AppServices; children: ReactNode }): ReactNode {
  return <AppContext.Provider value={services}>{children}</AppContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('AppProvider is missing');
  return services;
}

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}
