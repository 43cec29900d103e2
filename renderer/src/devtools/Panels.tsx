/** The tabbed panels on the right: API, Network, Storage, AppData, Files, Matrix, Console (arrow keys move between the tabs). */
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { ApiPanel } from './api/ApiPanel.js';
import { AppDataPanel } from './appdata/AppDataPanel.js';
import { ConsolePanel } from './console/ConsolePanel.js';
import { FilesPanel } from './files/FilesPanel.js';
import { MatrixPanel } from './matrix/MatrixPanel.js';
import { isNetworkCall } from './network/model.js';
import { NetworkPanel } from './network/NetworkPanel.js';
import { StoragePanel } from './storage/StoragePanel.js';
import { useDevtools, useDevtoolsStore, type Tab } from './store.js';

const tabs: readonly { readonly id: Tab; readonly label: string; readonly panel: () => ReactNode }[] = [
  { id: 'api', label: 'API', panel: () => <ApiPanel /> },
  { id: 'network', label: 'Network', panel: () => <NetworkPanel /> },
  { id: 'storage', label: 'Storage', panel: () => <StoragePanel /> },
  { id: 'appdata', label: 'AppData', panel: () => <AppDataPanel /> },
  { id: 'files', label: 'Files', panel: () => <FilesPanel /> },
  { id: 'matrix', label: 'Matrix', panel: () => <MatrixPanel /> },
  { id: 'console', label: 'Console', panel: () => <ConsolePanel /> },
];

export function Panels() {
  const store = useDevtoolsStore();
  const active = useDevtools((s) => s.ui.tab);
  const calls = useDevtools((s) => s.log.callCount);
  const errors = useDevtools((s) => s.log.errorCount);
  const events = useDevtools((s) => s.log.events);
  const networkCount = useMemo(() => events.filter(isNetworkCall).length, [events]);
  const setTab = store.getState().setTab;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === active);
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = tabs[(index + delta + tabs.length) % tabs.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  const current = tabs.find((t) => t.id === active) ?? tabs[0]!;
  return (
    <div className="panels">
      <div role="tablist" aria-label="Devtools panels" className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === active}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            className="tab"
            onClick={() => setTab(tab.id)}
          >
            {tab.label}
            {tab.id === 'api' && calls > 0 && (
              <span className="tab-count" aria-hidden="true">
                {calls}
              </span>
            )}
            {tab.id === 'network' && networkCount > 0 && (
              <span className="tab-count" aria-hidden="true">
                {networkCount}
              </span>
            )}
            {tab.id === 'console' && errors > 0 && (
              <span className="tab-count error" aria-hidden="true">
                {errors}
              </span>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="tabpanel">
        {current.panel()}
      </div>
    </div>
  );
}
