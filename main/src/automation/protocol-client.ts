/**
 * The automation SDK's connection to the host: an in-process HostConnection spoken to in protocol
 * messages, exactly as the devtools page speaks over its socket. Typed by the protocol's operations.
 */
import type { ControlOp, ControlRequest, HostToControl, OpParams, OpReply } from '../../../emulator-api/src/protocol/messages.js';
import { PROTOCOL_VERSION } from '../../../emulator-api/src/protocol/version.js';
import { decodeValue, encodeValue } from '../../../emulator-api/src/protocol/wire.js';
import type { HostConnection } from '../node/host-connection.js';
import type { HostSession } from '../node/host.js';

export class ProtocolClient {
  private readonly connection: HostConnection;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private refused: string | undefined;

  constructor(session: HostSession) {
    this.connection = session.connect({ send: (json) => this.receive(JSON.parse(json) as HostToControl), close: () => undefined }, ['automation']);
    this.connection.dispatch({ t: 'hello', protocol: PROTOCOL_VERSION, role: 'automation' });
    if (this.refused) throw new Error(this.refused);
  }

  /** One operation; rejects with the host's (or the guest's) message, or after `timeoutMs` naming `waitingFor`. */
  request<O extends ControlOp>(op: O, params: OpParams<O>, options: { timeoutMs?: number; waitingFor?: string } = {}): Promise<OpReply<O>> {
    const id = this.nextId++;
    return new Promise<OpReply<O>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const message: ControlRequest = { t: 'request', id, op, params: encodeValue(params) as Record<string, unknown>, ...options };
      this.connection.dispatch(message);
    });
  }

  close(): void {
    this.connection.close();
    for (const { reject } of this.pending.values()) reject(new Error('the automation client closed'));
    this.pending.clear();
  }

  private receive(message: HostToControl): void {
    if (message.t === 'refused') this.refused = message.reason;
    if (message.t !== 'reply') return;
    const pending = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (!pending) return;
    if (message.ok) pending.resolve(decodeValue(message.value));
    else pending.reject(new Error(message.error));
  }
}
