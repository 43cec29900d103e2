/** Renders a panel (or any part of the devtools) with a fresh store that knows the session, and events if given. */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { DevtoolsProvider } from '../src/devtools/App.js';
import type { DevtoolsClient } from '../src/devtools/protocol-client.js';
import type { EventsBatch, SessionInfo } from '../src/devtools/protocol.js';
import { createDevtoolsStore } from '../src/devtools/store.js';
import { session } from './fixtures.js';

export function renderPanel(panel: ReactNode, client: DevtoolsClient, setup: { session?: SessionInfo; events?: EventsBatch } = {}) {
  const store = createDevtoolsStore();
  store.getState().session(setup.session ?? session);
  if (setup.events) store.getState().events(setup.events);
  render(<DevtoolsProvider store={store} client={client}>{panel}</DevtoolsProvider>);
  return store;
}
