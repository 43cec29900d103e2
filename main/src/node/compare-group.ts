/**
 * Live compare: one project under 2–4 profiles at once, each a session of its own (the devtools show them
 * side by side). The group replays a user's input in one session's guest in all the others, and answers
 * the n-th tt.chooseImage of every session with the one answer the user gave.
 *
 * - **Input.** Every guest reports the user's taps, typing and changes (guestOps.reportInput) as `input`
 *   events; the group replays each (replayInput) in the other sessions, in order, each after that guest is
 *   idle (so a tap waits for the previous tap's calls and render there). A replayed input is reported with
 *   `replayOf` and never replayed again. A target another profile does not render is reported there as
 *   `missing`; a guest that cannot be reached gets a console warning in its stream.
 * - **Image picker.** The n-th chooseImage of each session is the same user action: the first session to
 *   make it asks its devtools, the others wait, and all get the same files (a cancel cancels all). One
 *   dialog, not one per frame: the files are then the same in every profile, which is what a comparison needs.
 * - **Data.** The other sessions get a data folder of their own, with a copy of this session's ttfile://user
 *   and storage: each profile starts where this one is, and one's writes (a counter in storage) do not
 *   reach the others, as on two devices. The copies are removed when the compare ends.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProfileOptions } from '../../../emulator-api/src/common/profiles.js';
import type { HostEvent, UserInput } from '../../../emulator-api/src/protocol/messages.js';
import type { Host, HostSession, OpenSessionOptions } from './host.js';
import type { ImagePicker } from './image-picker.js';

/** How long a replay waits for the other guest to be idle, then to answer. */
const REPLAY_TIMEOUT_MS = 15_000;

interface Round {
  paths?: readonly string[];
  asked: boolean;
  readonly waiters: ((paths: readonly string[]) => void)[];
}

const describeProfile = (session: HostSession) => `${session.profile.platform} ${session.profile.client}`;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class CompareGroup {
  private readonly stops: (() => void)[] = [];
  /** Each session's replays, in order. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly rounds = new Map<number, Round>();
  private readonly chooseCounts = new Map<string, number>();
  private ended = false;

  constructor(
    /** The session that started the compare first, then the others. */
    readonly members: readonly HostSession[],
    private readonly dataDirs: readonly string[],
    private readonly closeSession: (id: string) => Promise<void>,
  ) {}

  get main(): HostSession {
    return this.members[0]!;
  }

  start(): void {
    for (const member of this.members) {
      this.stops.push(member.events.subscribe((event) => this.heard(member, event)));
      if (member.picker) {
        const picker = member.picker;
        picker.gate = (request, ask) => this.choose(member, request, ask);
        this.stops.push(() => {
          if (picker.gate) picker.gate = undefined;
        });
      }
      this.reportInput(member, true);
    }
  }

  /** Stops replaying; the other sessions close and their data folders go. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    for (const stop of this.stops.splice(0)) stop();
    this.reportInput(this.main, false);
    for (const round of this.rounds.values()) for (const waiter of round.waiters.splice(0)) waiter([]);
    await Promise.all(this.members.slice(1).map((member) => this.closeSession(member.id).catch(() => undefined)));
    for (const dir of this.dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  }

  private reportInput(member: HostSession, on: boolean): void {
    // A guest that is not there yet (a frame still loading) is asked when it connects (heard: guest-connected).
    void member.askGuest('reportInput', { on }, { timeoutMs: on ? REPLAY_TIMEOUT_MS : 1_000, waitingFor: 'the guest to report input' }).catch(() => undefined);
  }

  private heard(member: HostSession, event: HostEvent): void {
    if (this.ended) return;
    if (event.type === 'session' && event.what === 'guest-connected') return this.reportInput(member, true);
    if (event.type !== 'guest' || event.event.kind !== 'input' || event.event.replayOf !== undefined) return;
    const { input } = event.event;
    for (const other of this.members) if (other !== member) this.replay(other, input, member);
  }

  private replay(target: HostSession, input: UserInput, origin: HostSession): void {
    const previous = this.chains.get(target.id) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (this.ended) return;
      const options = { timeoutMs: REPLAY_TIMEOUT_MS };
      // The previous input's calls and render first (a tap on Compress waits for the chosen image there).
      await target.askGuest('whenIdle', {}, { ...options, waitingFor: 'the guest to be idle before a replay' }).catch(() => undefined);
      try {
        await target.askGuest('replayInput', { input, from: origin.id }, { ...options, waitingFor: `the guest to replay ${input.action} on ${input.target.label}` });
      } catch (error) {
        target.events.push({ type: 'console', level: 'warn', args: [`live compare: the ${input.action} on ${input.target.label} in ${describeProfile(origin)} was not replayed here: ${message(error)}`] });
      }
    });
    this.chains.set(target.id, next);
  }

  /** The n-th chooseImage of `member`: one answer for the n-th of every session. */
  private choose(member: HostSession, request: Parameters<NonNullable<ImagePicker['gate']>>[0], ask: () => Promise<readonly string[]>): Promise<readonly string[]> {
    const n = this.chooseCounts.get(member.id) ?? 0;
    this.chooseCounts.set(member.id, n + 1);
    let round = this.rounds.get(n);
    if (!round) this.rounds.set(n, (round = { asked: false, waiters: [] }));
    if (round.paths) return Promise.resolve(round.paths);
    if (round.asked) {
      const waiting = round;
      return new Promise((resolve) => waiting.waiters.push(resolve));
    }
    round.asked = true;
    // This session's devtools show the picker; when none does, another member's (the compare view shows all).
    const shownBy = member.picker?.shown ? undefined : this.members.find((m) => m.picker?.shown)?.picker;
    const asked = round;
    return (shownBy ? shownBy.ask(request) : ask()).then((paths) => {
      asked.paths = paths;
      for (const waiter of asked.waiters.splice(0)) waiter(paths);
      return paths;
    });
  }
}

const groups = new WeakMap<HostSession, CompareGroup>();
/** Sessions that are another session's compare partners (they cannot start a compare of their own). */
const partners = new WeakSet<HostSession>();

/** The live compare `session` started, if any. */
export const compareGroupOf = (session: HostSession): CompareGroup | undefined => groups.get(session);

/**
 * Opens `main`'s project under each of `profiles` (a session each, data copied from main's) and starts
 * replaying between them; a compare `main` had already ends first. Answers the group, main first.
 */
export async function startCompare(host: Host, main: HostSession, options: OpenSessionOptions, profiles: readonly Partial<ProfileOptions>[]): Promise<CompareGroup> {
  if (partners.has(main)) throw new Error('this session is one of the profiles of a live compare: start a compare from the session that opened it');
  await endCompare(main);
  const opened: HostSession[] = [];
  const dataDirs: string[] = [];
  try {
    for (const profile of profiles) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-compare-'));
      dataDirs.push(dataDir);
      copyAppData(main, dataDir);
      const session = await host.openLike(main, options, profile, { dataDir });
      partners.add(session);
      opened.push(session);
    }
  } catch (error) {
    await Promise.all(opened.map((s) => host.close(s.id)));
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const group = new CompareGroup([main, ...opened], dataDirs, (id) => host.close(id));
  groups.set(main, group);
  group.start();
  return group;
}

/** Ends the live compare `main` started (nothing when there is none). */
export async function endCompare(main: HostSession): Promise<void> {
  const group = groups.get(main);
  if (!group) return;
  groups.delete(main);
  await group.end();
}

/** main's ttfile://user and storage, copied into `dataDir` where a session of the same app id finds them. */
function copyAppData(main: HostSession, dataDir: string): void {
  const appDir = path.join(dataDir, 'apps', main.session.appId);
  fs.mkdirSync(appDir, { recursive: true });
  const { userDir } = main.session.dirs;
  if (fs.existsSync(userDir)) fs.cpSync(userDir, path.join(appDir, 'user'), { recursive: true });
  const storageDir = main.session.storage.dir;
  if (fs.existsSync(storageDir)) fs.cpSync(storageDir, path.join(appDir, 'storage'), { recursive: true });
}
