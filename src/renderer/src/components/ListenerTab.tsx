/** The "Test listener" tab: hosts the listener area's self-contained panel. */
import type { ReactNode } from 'react';

export function ListenerTab(): ReactNode {
  return <p className="muted">The test listener panel is loading…</p>;
}
