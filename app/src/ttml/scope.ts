/**
 * The names an expression can see: the page data (or a template's data), then the `tt:for` item and index
 * of each enclosing loop. Only own properties are visible, so `constructor`, `__proto__` or `toString`
 * never resolve through a prototype, and nothing global is reachable.
 */
export class Scope {
  constructor(
    private readonly vars: object,
    private readonly parent: Scope | null = null,
  ) {}

  lookup(name: string): unknown {
    if (Object.hasOwn(this.vars, name)) return (this.vars as Record<string, unknown>)[name];
    return this.parent === null ? undefined : this.parent.lookup(name);
  }

  /** A child scope with a loop's item and index names. */
  with(vars: Record<string, unknown>): Scope {
    return new Scope(vars, this);
  }
}
