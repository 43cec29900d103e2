/**
 * Maps positions in compiled gadget JS (esbuild turned its ES modules into CommonJS on the host) back to the
 * file the developer wrote, so error overlays and console stacks name the original file, line and column.
 * Files without a source map ran unchanged: their positions are already the original ones.
 */
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const FRAME = /ttsim:\/\/\/([^\s:)]+):(\d+):(\d+)/g;

export class SourcePositions {
  private readonly traces = new Map<string, TraceMap>();

  constructor(private readonly maps: Readonly<Record<string, string>> = {}) {}

  /** line is 1-based, column 1-based (as in stack traces). */
  original(file: string, line: number, column: number): SourcePosition {
    const trace = this.trace(file);
    if (!trace) return { file, line, column };
    const found = originalPositionFor(trace, { line, column: Math.max(0, column - 1) });
    if (found.line === null) return { file, line, column };
    return { file: found.source ?? file, line: found.line, column: found.column + 1 };
  }

  /** The first package frame of a stack, in original positions. */
  firstFrame(stack: string | undefined): SourcePosition | undefined {
    const match = new RegExp(FRAME.source).exec(stack ?? '');
    return match ? this.original(match[1]!, Number(match[2]), Number(match[3])) : undefined;
  }

  /** The stack with every package position rewritten to its original file, line and column. */
  rewriteStack(stack: string): string {
    return stack.replace(FRAME, (_all, file: string, line: string, column: string) => {
      const at = this.original(file, Number(line), Number(column));
      return `ttsim:///${at.file}:${at.line}:${at.column}`;
    });
  }

  private trace(file: string): TraceMap | undefined {
    const cached = this.traces.get(file);
    if (cached) return cached;
    const map = this.maps[file];
    if (map === undefined) return undefined;
    const trace = new TraceMap(map);
    this.traces.set(file, trace);
    return trace;
  }
}
