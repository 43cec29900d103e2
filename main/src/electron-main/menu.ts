/** The application menu: File, View, Help. A template over Electron's types, unit-tested without the binary. */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openProject(): void;
  reload(): void;
  openDocs(): void;
  about(): void;
}

export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Reload the Gadget', accelerator: 'CmdOrCtrl+R', click: () => actions.reload() },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools', label: 'Toggle Chromium DevTools' },
      ],
    },
    {
      label: 'Help',
      submenu: [
        { label: 'ttsim Documentation', click: () => actions.openDocs() },
        { label: 'About ttsim', click: () => actions.about() },
      ],
    },
  ];
}
