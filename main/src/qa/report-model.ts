/**
 * The side-by-side report's model: every test of a `ttsim/test` run, one column per profile, its steps
 * lined up by title, and what differs between the columns marked. Pure data: the HTML, JSON and JUnit
 * writers all read this.
 */
import type { QaCall, QaRun, QaStep } from './run-record.js';

export interface ProfileResult {
  /** The Playwright project's name (the profile, e.g. ios@7.35.0). */
  readonly profile: string;
  readonly status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  readonly durationMs: number;
  readonly error?: string;
  readonly run?: QaRun;
  /** Attachment name → data (screenshots and images the run refers to). */
  readonly files: ReadonlyMap<string, { contentType: string; body: Buffer }>;
}

export interface ReportTest {
  readonly title: string;
  readonly file: string;
  readonly results: readonly ProfileResult[];
}

export interface StepRow {
  readonly title: string;
  /** One per result, in the results' order (undefined where that profile has no such step). */
  readonly cells: readonly (QaStep | undefined)[];
  /** Whether the profiles answered this step differently (a call's outcome or an output format). */
  readonly differs: boolean;
  /** Per cell, per call: whether that call's outcome differs from what most profiles answered (all, on a tie). */
  readonly callDiffers: readonly (readonly boolean[])[];
  /** Ids of the rules applied in some profiles' cells but not in all: the rules behind a difference. */
  readonly distinctRules: ReadonlySet<string>;
}

/** What a call came to, as the report compares it: ok or errno, and the formats of the images it wrote. */
export function outcomeOf(call: QaCall): string {
  const outputs = call.images.filter((i) => i.role === 'output').map((i) => i.format);
  return `${call.api}:${call.ok ? 'ok' : `fail ${call.errno ?? '?'}`}${outputs.length ? ` → ${outputs.join(',')}` : ''}`;
}

/** The steps of one test lined up across profiles: by title, and by occurrence when a title repeats. */
export function stepRows(results: readonly ProfileResult[]): StepRow[] {
  const keyed = results.map((r) => {
    const seen = new Map<string, number>();
    return new Map((r.run?.steps ?? []).map((step) => {
      const n = (seen.get(step.title) ?? 0) + 1;
      seen.set(step.title, n);
      return [`${step.title}#${n}`, step] as [string, QaStep];
    }));
  });
  const order: string[] = [];
  for (const steps of keyed) for (const key of steps.keys()) if (!order.includes(key)) order.push(key);
  return order.map((key) => {
    const cells = keyed.map((steps) => steps.get(key));
    // Calls line up by api and occurrence (the 2nd compressImage of the step with the 2nd), not by position.
    const keys = cells.map((step) => callKeys(step?.calls ?? []));
    const outcomes = cells.map((step) => new Map((step?.calls ?? []).map((call, i) => [keys[cells.indexOf(step)]![i]!, outcomeOf(call)])));
    const allKeys = [...new Set(keys.flat())];
    const odd = new Map(allKeys.map((k) => [k, oddOnesOut(outcomes.map((o) => o.get(k)))]));
    const callDiffers = cells.map((step, c) => (step?.calls ?? []).map((_, i) => odd.get(keys[c]![i]!)?.[c] ?? false));
    const present = cells.filter((c) => c !== undefined);
    const differs = results.length > 1 && (present.length !== cells.length || [...odd.values()].some((flags) => flags.some(Boolean)) || new Set(present.map((c) => c.status)).size > 1);
    const distinctRules = rulesBehindDifferences(cells);
    return { title: key.replace(/#\d+$/, ''), cells, differs, callDiffers, distinctRules };
  });
}

/**
 * The rules applied to a call in some profiles but not in others that made the same call with the same
 * outcome kind (ok with ok, fail with fail): "iOS returns a JPEG" against Android's "other formats come
 * back unchanged". A failed call's missing rules are not counted against the profiles where it succeeded.
 */
function rulesBehindDifferences(cells: readonly (QaStep | undefined)[]): Set<string> {
  const groups = new Map<string, Set<string>[]>();
  for (const step of cells) {
    const perGroup = new Map<string, Set<string>>();
    for (const call of step?.calls ?? []) {
      const group = `${call.api}:${call.ok}`;
      const set = perGroup.get(group) ?? new Set<string>();
      for (const rule of call.rules) set.add(rule.id);
      perGroup.set(group, set);
    }
    for (const [group, set] of perGroup) groups.set(group, [...(groups.get(group) ?? []), set]);
  }
  const distinct = new Set<string>();
  for (const sets of groups.values()) {
    for (const id of new Set(sets.flatMap((set) => [...set]))) if (sets.some((set) => !set.has(id))) distinct.add(id);
  }
  return distinct;
}

/** 'compressImage#1', 'compressImage#2', … for the calls of a step. */
function callKeys(calls: readonly QaCall[]): string[] {
  const seen = new Map<string, number>();
  return calls.map((call) => {
    const n = (seen.get(call.api) ?? 0) + 1;
    seen.set(call.api, n);
    return `${call.api}#${n}`;
  });
}

/**
 * Which columns answered differently from the rest: when one outcome is the most common, the columns
 * with another (or none); when there is no single most common one, every column. All alike: none.
 */
export function oddOnesOut(outcomes: readonly (string | undefined)[]): boolean[] {
  const counts = new Map<string | undefined, number>();
  for (const o of outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
  if (counts.size <= 1) return outcomes.map(() => false);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const tie = sorted[0]![1] === sorted[1]![1];
  return outcomes.map((o) => tie || o !== sorted[0]![0]);
}

export interface ReportSummary {
  readonly profiles: readonly string[];
  readonly tests: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** Steps where the profiles answered differently. */
  readonly differingSteps: number;
}

export function summarise(tests: readonly ReportTest[]): ReportSummary {
  const profiles = [...new Set(tests.flatMap((t) => t.results.map((r) => r.profile)))];
  const all = tests.flatMap((t) => t.results);
  return {
    profiles,
    tests: all.length,
    passed: all.filter((r) => r.status === 'passed').length,
    failed: all.filter((r) => r.status === 'failed' || r.status === 'timedOut' || r.status === 'interrupted').length,
    skipped: all.filter((r) => r.status === 'skipped').length,
    differingSteps: tests.reduce((n, t) => n + stepRows(t.results).filter((row) => row.differs).length, 0),
  };
}
