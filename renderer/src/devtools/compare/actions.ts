/**
 * Live compare over the protocol: start (the host opens the other profiles' sessions; this page connects
 * to each as its devtools do, with a store of its own), end, and the output facts of a call (its full event,
 * then fileInfo of each file it names), each through the member's own connection.
 */
import { createContext } from 'react';
import type { CompareMember as HostMember } from '../../../../emulator-api/src/protocol/messages.js';
import { bindClient, type Devtools } from '../actions.js';
import { connectDevtools, devtoolsSocketUrl, type DevtoolsClient } from '../protocol-client.js';
import { createDevtoolsStore } from '../store.js';
import { compareLabel, factKey, outputPaths, type CallFacts, type CompareMember, type CompareSlice, type ProfileChoice } from './model.js';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** How the page connects to another session of the compare: its devtools socket (tests give fakes). */
export type ConnectMember = (member: HostMember) => DevtoolsClient;
export const connectOverSocket: ConnectMember = (member) => connectDevtools(devtoolsSocketUrl(location.href, member.sessionId, member.token));
export const ConnectMemberContext = createContext<ConnectMember>(connectOverSocket);

const update = ({ store }: Devtools, reduce: (slice: CompareSlice) => CompareSlice) => store.getState().updateSlice('compare', reduce);

export function openCompareDialog(devtools: Devtools, open: boolean): void {
  update(devtools, (slice) => {
    const { error: _e, ...rest } = slice;
    return { ...rest, dialogOpen: open };
  });
}

/** Asks the host for the other profiles' sessions and connects to each; a running compare is replaced. */
export async function startCompare(devtools: Devtools, profiles: readonly ProfileChoice[], connect: ConnectMember = connectOverSocket): Promise<boolean> {
  const previous = devtools.store.getState().compare.members;
  update(devtools, (slice) => ({ ...slice, status: 'starting' }));
  try {
    const { members } = await devtools.client.request('compare', { profiles: profiles.map((p) => ({ platform: p.platform, client: p.client.trim() })) }, { timeoutMs: 60_000 });
    disconnect(previous);
    const joined: CompareMember[] = members.map((member, i) => {
      const base = { sessionId: member.sessionId, profile: member.profile, label: compareLabel(member.profile) };
      if (i === 0) return { ...base, store: devtools.store, client: devtools.client, main: true, sinceSeq: devtools.store.getState().log.lastSeq };
      const client = connect(member);
      const store = createDevtoolsStore();
      return { ...base, store, client, main: false, sinceSeq: 0, unbind: bindClient({ store, client }) };
    });
    update(devtools, () => ({ dialogOpen: false, status: 'on', members: joined, facts: {} }));
    return true;
  } catch (error) {
    update(devtools, (slice) => ({ ...slice, status: previous.length > 0 ? 'on' : 'off', error: message(error) }));
    return false;
  }
}

function disconnect(members: readonly CompareMember[]): void {
  for (const member of members) {
    if (member.main) continue;
    member.unbind?.();
    member.client.close();
  }
}

/** Ends the compare: the page leaves the other sessions, and the host closes them. */
export async function endCompare(devtools: Devtools): Promise<void> {
  disconnect(devtools.store.getState().compare.members);
  update(devtools, () => ({ dialogOpen: false, status: 'off', members: [], facts: {} }));
  try {
    await devtools.client.request('endCompare', {});
  } catch (error) {
    devtools.store.getState().notify(message(error));
  }
}

const asking = new WeakMap<DevtoolsClient, Set<number>>();

/** The output files of a member's call (its full event, then fileInfo of each ttfile:// path in the result), once. */
export async function loadFacts(devtools: Devtools, member: CompareMember, seq: number): Promise<void> {
  const key = factKey(member.sessionId, seq);
  if (devtools.store.getState().compare.facts[key]) return;
  const pending = asking.get(member.client) ?? new Set<number>();
  asking.set(member.client, pending);
  if (pending.has(seq)) return;
  pending.add(seq);
  let facts: CallFacts;
  try {
    const event = await member.client.request('event', { seq });
    const paths = event.type === 'call' ? outputPaths(event.record.result) : [];
    const infos = await Promise.all(paths.map((path) => member.client.request('fileInfo', { path })));
    facts = { outputs: infos.map(({ path, size, format, width, height }) => ({ path, size, ...(format === undefined ? {} : { format }), ...(width === undefined ? {} : { width }), ...(height === undefined ? {} : { height }) })) };
  } catch (error) {
    facts = { error: message(error) };
  } finally {
    pending.delete(seq);
  }
  update(devtools, (slice) => ({ ...slice, facts: { ...slice.facts, [key]: facts } }));
}
