/**
 * The host half of a task (RequestTask, UploadTask, DownloadTask, SocketTask): the abort signal the work
 * watches, the events it reports, and for sockets the channel that send / close reach. The gadget-facing
 * object is common/tasks.ts; the session wires the two together (in-process, or over the bridge).
 */
import { Errno, TtError } from '../common/errors.js';
import type { TaskEvent, TaskEventType, TaskKind } from '../common/tasks.js';

/** Why a task's signal fired: the gadget aborted it, its page went away, or the session closed. */
export class TaskAborted extends Error {
  constructor(readonly why: 'abort' | 'page closed' | 'session closed') {
    super(why === 'abort' ? 'abort' : `the ${why === 'page closed' ? 'gadget page' : 'session'} was closed`);
    this.name = 'TaskAborted';
  }
}

/** What send / close reach on an open socket (set by connectSocket's implementation). */
export interface SocketChannel {
  send(data: string | ArrayBuffer): void;
  close(code: number, reason: string): void;
  readonly readyState: 'connecting' | 'open' | 'closing' | 'closed';
}

let nextTaskId = 1;

export class TaskHandle {
  readonly id = nextTaskId++;
  private readonly controller = new AbortController();
  private readonly listeners = new Set<(event: TaskEvent) => void>();
  private finishedListeners = new Set<() => void>();
  socket: SocketChannel | undefined;
  finished = false;

  constructor(readonly kind: TaskKind) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  emit(type: TaskEventType, payload: Record<string, unknown>): void {
    for (const listener of [...this.listeners]) listener({ type, payload });
  }

  onEvent(listener: (event: TaskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The work is over (request settled, socket closed): nothing more will be emitted. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const listener of [...this.finishedListeners]) listener();
    this.finishedListeners.clear();
  }

  onFinished(listener: () => void): void {
    if (this.finished) listener();
    else this.finishedListeners.add(listener);
  }

  abort(why: TaskAborted['why'] = 'abort'): void {
    if (!this.finished && !this.controller.signal.aborted) this.controller.abort(new TaskAborted(why));
    if (why !== 'abort' && this.socket && this.socket.readyState !== 'closed') this.socket.close(1001, `the ${why === 'page closed' ? 'gadget page' : 'session'} was closed`);
  }

  /** The open socket, or a 305 that says why it cannot take send / close. */
  requireSocket(method: 'send' | 'close'): SocketChannel {
    if (!this.socket || (method === 'send' && this.socket.readyState !== 'open')) {
      // Before connectSocket's implementation has run there is no socket yet: it is still connecting.
      const state = this.socket?.readyState ?? (this.finished ? 'closed' : 'connecting');
      throw new TtError(Errno.networkFailure, `the socket is not open (it is ${state})${method === 'send' ? ': send after onOpen' : ''}`, { rule: 'send-before-open-fails' });
    }
    return this.socket;
  }
}

/** Every task of a session, so that closing the session stops them. */
export class TaskSet {
  private readonly tasks = new Set<TaskHandle>();

  create(kind: TaskKind): TaskHandle {
    const handle = new TaskHandle(kind);
    this.tasks.add(handle);
    handle.onFinished(() => this.tasks.delete(handle));
    return handle;
  }

  abortAll(): void {
    for (const handle of [...this.tasks]) handle.abort('session closed');
  }

  get size(): number {
    return this.tasks.size;
  }
}
