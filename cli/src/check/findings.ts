/** What the scanners found across a project, before it is checked against the registry (report.ts). */
import type { Location, Note, Use } from './types.js';

export interface ParseError extends Location {
  readonly message: string;
}

export class Findings {
  readonly files: string[] = [];
  readonly apiUses = new Map<string, Use[]>();
  readonly tagUses = new Map<string, Location[]>();
  /** Custom component tag → its path and the JSON files declaring it (usingComponents). */
  readonly customComponents = new Map<string, { path: string; declaredIn: string[] }>();
  readonly featureChecks = new Map<string, Location[]>();
  readonly h5sdk = new Map<string, Location[]>();
  readonly notes: Note[] = [];
  readonly parseErrors: ParseError[] = [];

  static add<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
}
