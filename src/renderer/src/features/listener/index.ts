/** The listener feature: mount <ListenerPanel onShowHolder={…} /> (it brings its own store and lp- styles). */
export { ListenerPanel, type ListenerPanelProps } from './ListenerPanel';
export { ListenerPanelView } from './ListenerPanelView';
export { createListenerPanelStore, type ListenerPanelStore } from './listener-store';
