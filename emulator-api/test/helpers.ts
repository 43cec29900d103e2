import { createSession, TtSyncError, type Session, type SessionOptions } from '../src/index.js';
import type { FailResult } from '../src/common/call.js';
import { tempDataDir } from './fixtures.js';

/** A session in a fresh data dir; closed by the returned cleanup list. */
export async function openSession(options: Partial<SessionOptions> = {}, opened: Session[] = []): Promise<Session> {
  const session = await createSession({ app: 'gadget', platform: 'android', client: '7.39.0', dataDir: tempDataDir(), ...options });
  opened.push(session);
  return session;
}

/** Awaits a tt.* Promise that must reject, and returns the fail result. */
export async function failOf(promise: unknown): Promise<FailResult> {
  try {
    await promise;
  } catch (fail) {
    return fail as FailResult;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Runs a Sync API call that must throw, and returns the TtSyncError it threw. */
export function syncFailure(fn: () => unknown): TtSyncError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TtSyncError) return error;
    throw error;
  }
  throw new Error('expected a TtSyncError');
}
