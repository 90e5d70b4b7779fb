/** Mount point for the app: the panel plus its lp- styles. */
import './listener-panel.css';

export { ListenerPanel, type ListenerPanelProps } from './ListenerPanel';
export { createListenerPanelStore, type ListenerPanelStore } from './listener-store';
