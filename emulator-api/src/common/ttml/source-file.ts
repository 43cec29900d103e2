/** A source file's error with the file, line and column it comes from: `path:line:column: reason`. */
export class SourceError extends Error {
  constructor(
    /** Package path of the file, e.g. `pages/index/index.ttml`. */
    readonly path: string,
    /** 1-based. */
    readonly line: number,
    /** 1-based. */
    readonly column: number,
    /** The message without the location prefix. */
    readonly reason: string,
  ) {
    super(`${path}:${line}:${column}: ${reason}`);
  }
}

/** TtmlError: a TTML compile or render error. */
export class TtmlError extends SourceError {
  override readonly name = 'TtmlError';
}

/** Turns source offsets into 1-based line and column numbers. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(source: string) {
    for (let i = 0; i < source.length; i++) {
      if (source.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }
}

/** A source file being compiled: its path and a way to raise errors at an offset. */
export class SourceFile {
  private readonly lines: LineIndex;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  line(offset: number): number {
    return this.lines.position(offset).line;
  }

  error(offset: number, reason: string): TtmlError {
    const { line, column } = this.lines.position(offset);
    return new TtmlError(this.path, line, column, reason);
  }
}
