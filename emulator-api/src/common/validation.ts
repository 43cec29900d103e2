/**
 * Turns schema issues into one message that says what to fix, in the style of sharp's invalidParameterError:
 * `parameter error: expected number for quality but received "high" of type string`.
 */
import type { z } from 'zod';

export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)} of type string`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${String(value)} of type ${typeof value}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return `a value of type ${typeof value}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function pathName(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

export function formatIssue(issue: z.core.$ZodIssue, input: unknown, knownKeys: readonly string[]): string {
  const name = pathName(issue.path);
  const received = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined) return `${name} is required (expected ${issue.expected})`;
      return `expected ${issue.expected} for ${name} but received ${describeValue(received)}`;
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
      return `${name} must be ${bound} but received ${describeValue(received)}`;
    }
    case 'unrecognized_keys': {
      const where = name ? ` in ${name}` : '';
      const hints = issue.keys.map((key) => {
        const near = closest(key, knownKeys);
        return near ? `${key} (did you mean ${near}?)` : key;
      });
      return `unknown parameter${issue.keys.length > 1 ? 's' : ''} ${hints.join(', ')}${where}; accepted: ${knownKeys.join(', ') || 'none'}`;
    }
    case 'invalid_value':
      return `${name} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} but received ${describeValue(received)}`;
    default:
      return `${name ? `${name}: ` : ''}${issue.message}`;
  }
}

/** "Did you mean": the known name within edit distance 2 of `key` (case-insensitive), other than key itself. */
export function closest(key: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    if (candidate === key) continue;
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * "Did you mean" for a name typed on the command line: up to `max` known names, nearest first — the same name
 * in another case, names whose last dotted part is `key` (mkdir → FileSystemManager.mkdir), names within
 * edit distance 2, then (for keys of 4 letters or more) names that contain it.
 */
export function closestNames(key: string, known: Iterable<string>, max = 5): string[] {
  const lower = key.toLowerCase();
  const scored: [number, string][] = [];
  for (const candidate of known) {
    if (candidate === key) continue;
    const c = candidate.toLowerCase();
    const last = c.split('.').pop()!;
    const score =
      c === lower ? 0
      : last === lower ? 1
      : distance(lower, c) <= 2 ? 2 + distance(lower, c)
      : distance(lower, last) <= 2 ? 5 + distance(lower, last)
      : lower.length >= 4 && c.includes(lower) ? 8
      : undefined;
    if (score !== undefined) scored.push([score, candidate]);
  }
  return scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])).slice(0, max).map(([, name]) => name);
}

/** "a" or "an" before `word` (by its first letter: an iOS, an Android, a PC, an OPTIONS request). */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
