/**
 * The application menu as data (no Electron import): File (Export…, Quit), View (Refresh interval,
 * Toggle theme, Reload), Help (About). electron/menu.ts turns actions into behaviour.
 */
export type MenuCommand = 'export' | 'toggle-theme';

export type MenuAction =
  | { kind: 'command'; command: MenuCommand }
  | { kind: 'poll-interval'; ms: number }
  | { kind: 'reload' }
  | { kind: 'about' }
  | { kind: 'quit' };

export interface MenuEntry {
  label: string;
  accelerator?: string;
  action?: MenuAction;
  /** Radio items of one group: checked when this is the current interval. */
  radio?: boolean;
  checked?: boolean;
  separator?: boolean;
  submenu?: MenuEntry[];
}

export const REFRESH_CHOICES: { label: string; ms: number }[] = [
  { label: 'Paused', ms: 0 },
  { label: 'Every 1 second', ms: 1000 },
  { label: 'Every 2 seconds', ms: 2000 },
  { label: 'Every 5 seconds', ms: 5000 },
];

export function menuTemplate(currentIntervalMs: number, isMac: boolean): MenuEntry[] {
  return [
    {
      label: 'File',
      submenu: [
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', action: { kind: 'command', command: 'export' } },
        { label: '', separator: true },
        { label: isMac ? 'Quit PortScope' : 'Quit', accelerator: isMac ? 'Cmd+Q' : 'Ctrl+Q', action: { kind: 'quit' } },
      ],
    },
    {
      label: 'View',
      submenu: [
        {
          label: 'Refresh interval',
          submenu: REFRESH_CHOICES.map((choice) => ({
            label: choice.label,
            radio: true,
            checked: choice.ms === currentIntervalMs,
            action: { kind: 'poll-interval', ms: choice.ms },
          })),
        },
        { label: 'Toggle theme', accelerator: 'CmdOrCtrl+Shift+T', action: { kind: 'command', command: 'toggle-theme' } },
        { label: '', separator: true },
        { label: 'Reload', accelerator: 'CmdOrCtrl+R', action: { kind: 'reload' } },
      ],
    },
    { label: 'Help', submenu: [{ label: 'About PortScope', action: { kind: 'about' } }] },
  ];
}
