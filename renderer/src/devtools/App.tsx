/**
 * The devtools page, laid out as WeChat's and Douyin's DevTools are: a toolbar on top (with the profile
 * switcher), the simulated device on the left, the tabbed panels (API, Network, Storage, AppData, Files,
 * Matrix, Console) on the right with a separator to drag between them.
 */
import { useEffect, type ReactNode } from 'react';
import { bindClient, ClientContext } from './actions.js';
import { Panels } from './Panels.js';
import { PickerDialog } from './PickerDialog.js';
import type { DevtoolsClient } from './protocol-client.js';
import { Simulator } from './Simulator.js';
import { SplitView } from './SplitView.js';
import { DevtoolsStoreContext, useDevtools, useDevtoolsStore, type DevtoolsStore } from './store.js';
import { Toolbar } from './Toolbar.js';
import { CompareDialog } from './compare/CompareDialog.js';
import { CompareView } from './compare/CompareView.js';

function Notice() {
  const store = useDevtoolsStore();
  const notice = useDevtools((s) => s.ui.notice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <span>{notice}</span>
      <button type="button" aria-label="Dismiss" onClick={() => store.getState().notify(undefined)}>
        ✕
      </button>
    </div>
  );
}

function ConnectionBanner() {
  const { status, refusal, closedReason } = useDevtools((s) => s.connection);
  const relaunching = useDevtools((s) => s.ui.relaunching !== undefined);
  // The old session closes once the page has moved on: that is no disconnection to report.
  if (relaunching && status === 'closed') return null;
  if (status === 'refused') {
    return (
      <div className="banner banner-error" role="alert">
        <strong>ttsim refused this page.</strong> {refusal}
      </div>
    );
  }
  if (status === 'closed') {
    return (
      <div className="banner banner-warn" role="alert">
        <strong>Disconnected from the ttsim host.</strong> {closedReason}{' '}
        <button type="button" onClick={() => location.reload()}>
          Reload page
        </button>
      </div>
    );
  }
  return null;
}

/** While a relaunch opens the new session (the page then moves there). */
function RelaunchBanner() {
  const relaunching = useDevtools((s) => s.ui.relaunching);
  if (!relaunching) return null;
  return (
    <div className="banner banner-info" role="status">
      <strong>Switching to {relaunching}…</strong> ttsim opens the project under this profile in a new session; this page moves there.
    </div>
  );
}

function Layout() {
  // Live compare: the profiles side by side take the place of the simulator and panels (compare/).
  const comparing = useDevtools((s) => s.compare.status === 'on' && s.compare.members.length > 0);
  return (
    <div className="app">
      <Toolbar />
      <RelaunchBanner />
      <ConnectionBanner />
      <Notice />
      {comparing ? <CompareView /> : <SplitView left={<Simulator />} right={<Panels />} />}
      <PickerDialog />
      <CompareDialog />
    </div>
  );
}

/** The store and the client for the components below (App uses it; tests render one panel in it). */
export function DevtoolsProvider({ store, client, children }: { readonly store: DevtoolsStore; readonly client: DevtoolsClient; readonly children: ReactNode }) {
  return (
    <DevtoolsStoreContext.Provider value={store}>
      <ClientContext.Provider value={client}>{children}</ClientContext.Provider>
    </DevtoolsStoreContext.Provider>
  );
}

export function App({ store, client }: { readonly store: DevtoolsStore; readonly client: DevtoolsClient }) {
  useEffect(() => bindClient({ store, client }), [store, client]);
  return (
    <DevtoolsProvider store={store} client={client}>
      <Layout />
    </DevtoolsProvider>
  );
}
