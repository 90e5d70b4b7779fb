/** The "Test listener" tab: hosts the listener area's self-contained panel. */
import type { ReactNode } from 'react';
import { ListenerPanel } from '../features/listener/ListenerPanel';

export function ListenerTab({ onShowHolder }: { onShowHolder(rowId: string): void }): ReactNode {
  return <ListenerPanel onShowHolder={onShowHolder} />;
}
