/**
 * Encodes the event stream for one shell connection: calls as summaries (see ShellCallSummary), a rule's
 * text and provenance only the first time this connection needs it.
 */
import type { AppliedRule } from '../../../emulator-api/src/common/call.js';
import type { DevtoolsEvent, HostEvent } from '../../../emulator-api/src/protocol/messages.js';
import { encodeValue, shellRuleKey } from '../../../emulator-api/src/protocol/wire.js';

export class ShellWire {
  private readonly sentRules = new Set<string>();
  private newRules: Record<string, AppliedRule> = {};
  /** Events waiting for the next take; the stream keeps them anyway, so holding them here costs nothing. */
  private events: HostEvent[] = [];

  add(event: HostEvent): void {
    this.events.push(event);
  }

  /** The HostToShell message (as JSON), for everything added since the last take. */
  take(): string {
    // A call summary is plain JSON already; other events may hold values JSON cannot carry (encodeValue).
    const events = this.events.splice(0).map((event) => (event.type === 'call' ? JSON.stringify(this.toDevtoolsEvent(event)) : JSON.stringify(encodeValue(event))));
    const rules = JSON.stringify(encodeValue(this.newRules));
    this.newRules = {};
    return `{"t":"events","rules":${rules},"events":[${events.join(',')}]}`;
  }

  private toDevtoolsEvent(event: HostEvent): DevtoolsEvent {
    if (event.type !== 'call') return event;
    const { record } = event;
    for (const rule of record.rules) {
      const key = shellRuleKey(record.api, rule.id);
      if (this.sentRules.has(key)) continue;
      this.sentRules.add(key);
      this.newRules[key] = rule;
    }
    const summary = {
      seq: record.seq,
      api: record.api,
      durationMs: record.durationMs,
      ok: record.ok,
      ...(record.errno === undefined ? {} : { errno: record.errno }),
      errMsg: record.result.errMsg,
      rules: record.rules.map((rule) => rule.id),
    };
    return { ...event, record: summary };
  }
}
