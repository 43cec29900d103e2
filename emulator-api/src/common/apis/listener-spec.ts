/**
 * The registry entries of an app-level event's listener pair, `on<Event>(listener)` / `off<Event>(listener?)`.
 * Both run in the guest (side: 'guest'), which keeps the functions; the host checks support and the
 * argument — it receives `listenerArgument(listener)`, 'function' for a function — and records the call.
 * Listener registrations are Sync APIs that return nothing; the guest maps the one argument to `callback`
 * itself (as createCanvasContext maps its own), so the entries declare no `positional`.
 */
import { z } from 'zod';
import { defineApi, type ApiSpec, type BehaviourRule, type FailureRule } from '../api-spec.js';
import { Errno } from '../errors.js';
import { eventRuleIds, listenerApiName, type AppEvent, type OffApiName, type OnApiName } from '../listeners.js';
import { assumed, inferred, type Provenance, type SupportMatrix } from '../types.js';
import { docs } from './sources.js';

const onParams = z.strictObject({ callback: z.literal('function') });
const offParams = z.strictObject({ callback: z.literal('function').optional() });

export interface ListenerPairOptions {
  /** What the event is and what the listener gets. */
  readonly summary: string;
  readonly doc: string;
  readonly support: { readonly matrix: SupportMatrix; readonly provenance: Provenance };
  /** When ttsim fires the event: the rules `eventRuleIds` lists for it (ids must not be "listeners" or "undone-when-refused"). */
  readonly behaviours: readonly BehaviourRule[];
  readonly failures?: readonly FailureRule[];
}

/** Rules every listener pair shares: how the list of listeners behaves. */
const sharedRules: readonly BehaviourRule[] = [
  {
    id: 'listeners',
    platforms: 'all',
    text: 'on<Event>(listener) adds a function once (adding it again changes nothing); off<Event>(listener) removes it; off<Event>() removes every listener of the event. Listeners run in the order they were added; one that throws is logged and the others still run.',
    provenance: inferred(`${docs.wechatFamily}: wx.off* "不传此参数则移除所有监听函数"; adding a function once is assumed`),
  },
  {
    id: 'undone-when-refused',
    platforms: 'all',
    text: 'The listener is added at once (so an event right after the call reaches it) and removed again when the host refuses the call a moment later (a client or platform without the API).',
    provenance: assumed('ttsim: the guest keeps the function, the host checks support after the call returns'),
  },
];

const argumentFailure: FailureRule = { errno: Errno.invalidParameter, when: 'the listener is not a function (nothing is added)', provenance: assumed(docs.errno) };
const unsupportedFailure: FailureRule = { errno: Errno.notSupported, when: 'the platform or client has no such API', provenance: assumed(docs.errno) };

export function defineListenerApis<const E extends AppEvent>(
  event: E,
  options: ListenerPairOptions,
): readonly [ApiSpec<OnApiName<E>, typeof onParams, z.ZodUndefined, 'sync', 'guest'>, ApiSpec<OffApiName<E>, typeof offParams, z.ZodUndefined, 'sync', 'guest'>] {
  const declared = options.behaviours.map((rule) => rule.id).join(', ');
  if (declared !== eventRuleIds[event].join(', ')) throw new Error(`${event}: the listener rules are ${declared} but eventRuleIds lists ${eventRuleIds[event].join(', ')}`);
  const common = {
    style: 'sync' as const,
    side: 'guest' as const,
    doc: options.doc,
    result: z.undefined(),
    support: options.support,
    behaviours: [...options.behaviours, ...sharedRules],
    failures: [argumentFailure, unsupportedFailure, ...(options.failures ?? [])],
  };
  const on = defineApi({ ...common, name: listenerApiName('on', event), summary: `Adds a listener: ${options.summary}`, params: onParams });
  const off = defineApi({ ...common, name: listenerApiName('off', event), summary: `Removes a listener added with ${listenerApiName('on', event)} (every listener without an argument).`, params: offParams });
  return [on, off] as const;
}
