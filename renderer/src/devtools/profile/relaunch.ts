/**
 * Switching the profile: the host opens the same project under it in a new session (user files, storage,
 * mocks and the network policy carry over) and this page moves to that session's devtools.
 */
import type { Devtools } from '../actions.js';
import { rememberApis } from '../matrix/actions.js';
import type { OpParams } from '../protocol.js';
import { profileLabel } from '../versions.js';

export type ProfileChange = OpParams<'relaunch'>['profile'];

/** Where the page goes (a test replaces `assign`). */
export const navigation = { assign: (url: string): void => location.assign(url) };

/** Opening a session compiles the project: give the host longer than an ordinary request. */
export const RELAUNCH_TIMEOUT_MS = 60_000;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Relaunches under `profile` and navigates to the new session's devtools; false (and a notice) when the host refused. */
export async function relaunch({ store, client }: Devtools, profile: ProfileChange): Promise<boolean> {
  const current = store.getState().connection.session?.profile;
  const label = profileLabel({ app: profile.app ?? current?.app ?? '?', platform: profile.platform ?? current?.platform ?? '?', client: profile.client ?? current?.client ?? '?' });
  const { updateUi, notify } = store.getState();
  updateUi((ui) => ({ ...ui, relaunching: label }));
  try {
    const { devtoolsUrl } = await client.request('relaunch', { profile }, { timeoutMs: RELAUNCH_TIMEOUT_MS });
    rememberApis(store);
    navigation.assign(devtoolsUrl);
    return true;
  } catch (error) {
    updateUi(({ relaunching: _r, ...ui }) => ui);
    notify(message(error));
    return false;
  }
}
