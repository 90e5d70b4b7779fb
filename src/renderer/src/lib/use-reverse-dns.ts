/** React glue for reverse DNS: while the toggle is on, ask for the in-view rows' unresolved remote addresses. */
import { useEffect, useMemo, useRef } from 'react';
import type { PortScopeApi } from '../../../shared/api';
import type { AppStore } from '../store/app-store';
import type { LiveRow } from '../store/live-rows';
import { addressesToResolve, createHostNameQueue } from './host-names';

export function useReverseDns(api: PortScopeApi, store: AppStore, enabled: boolean, rowsInView: readonly LiveRow[]): void {
  const warned = useRef(false);
  const queue = useMemo(
    () =>
      createHostNameQueue({
        resolve: (addresses) => api.resolveHosts({ addresses }),
        onHosts: (hosts) => store.getState().addHostNames(hosts),
        onError: (message) => {
          if (warned.current) return;
          warned.current = true;
          store.getState().setNotice({ text: `Remote host names: ${message}`, kind: 'error' });
        },
      }),
    [api, store],
  );
  useEffect(() => () => queue.dispose(), [queue]);
  useEffect(() => {
    if (!enabled) {
      queue.reset();
      warned.current = false;
      return;
    }
    queue.want(addressesToResolve(rowsInView, store.getState().hostNames));
  }, [enabled, rowsInView, queue, store]);
}
