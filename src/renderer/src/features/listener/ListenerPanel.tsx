/** The listener panel as the app mounts it: a store over getApi(), the lp- styles, the view. */
import { useState, type ReactNode } from 'react';
import { getApi } from '../../transport';
import { createListenerPanelStore, type ListenerPanelStore } from './listener-store';
import { ListenerPanelView } from './ListenerPanelView';
import './listener-panel.css';

export interface ListenerPanelProps {
  /** "Show holder": select that row in the socket table and show it (the host app wires it). */
  onShowHolder?: (rowId: string) => void;
}

export function ListenerPanel({ onShowHolder }: ListenerPanelProps = {}): ReactNode {
  const [store] = useState<ListenerPanelStore>(() => createListenerPanelStore(getApi()));
  return <ListenerPanelView store={store} onShowHolder={onShowHolder} />;
}
