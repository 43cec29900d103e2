/**
 * Finds the tt.* APIs one script uses, with acorn (a real parser, so strings, comments and regexps never
 * count as uses) and acorn-walk.
 *
 * Two passes. The first builds function scopes and learns which names hold `tt`, a FileSystemManager,
 * `window.h5sdk` or a destructured API (`const t = tt`, `const { compressImage: c } = tt`,
 * `const fs = tt.getFileSystemManager()`), to a fixed point. The second walks again with those scopes and
 * records each use with the guard around it (see Guard in types.ts).
 *
 * Best effort, by design: scopes are per function (a block's `let` counts for its whole function), a value
 * is followed only through plain variables (not object fields, `this.fs`, function returns or other
 * modules), and `tt[name]` with a computed name is noted but not checked. `tt` counts only where no
 * declaration shadows it, so a bundle's local `tt` variable is not taken for the client's.
 */
import { parse, type AnyNode, type Expression, type MemberExpression, type Options, type Pattern, type Program, type SourceLocation, type Statement } from 'acorn';
import { base, recursive, type RecursiveVisitors } from 'acorn-walk';
import { FSM_PREFIX } from '../../../emulator-api/src/common/apis/not-emulated.js';
import type { Guard } from './types.js';
import { ttDataProperties } from '../../../emulator-api/src/common/tt-env.js';

/** acorn-walk's callback takes the visitor to use as a third argument; its typings leave it out. */
type Walk<S> = (node: AnyNode, state: S, override?: 'Statement' | 'Expression' | 'Pattern') => void;
interface Aggregates {
  Function: Extract<AnyNode, { type: 'FunctionDeclaration' | 'FunctionExpression' | 'ArrowFunctionExpression' }>;
  Class: Extract<AnyNode, { type: 'ClassDeclaration' | 'ClassExpression' }>;
  Pattern: Pattern;
  Expression: Expression;
  Statement: Statement;
  /** A member expression as an assignment target. */
  MemberPattern: MemberExpression;
}
type NodeOf<K> = K extends AnyNode['type'] ? Extract<AnyNode, { type: K }> : K extends keyof Aggregates ? Aggregates[K] : never;
type Visitors<S> = { [K in AnyNode['type'] | keyof Aggregates]?: (node: NodeOf<K>, state: S, c: Walk<S>) => void };

function walk<S>(program: Program, state: S, visitors: Visitors<S>): void {
  recursive(program, state, visitors as unknown as RecursiveVisitors<S>);
}

export interface ScriptUse {
  /** `compressImage`, `FileSystemManager.readFile`, `h5sdk.config` (a member of window.h5sdk). */
  readonly api: string;
  readonly line: number;
  readonly column: number;
  readonly guardedBy: Guard | null;
}

export interface ScriptPoint {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

export interface ScriptScan {
  readonly uses: readonly ScriptUse[];
  /** Strings passed to tt.canIUse. */
  readonly featureChecks: readonly ScriptPoint[];
  /** What could not be followed, e.g. `tt[name]`. */
  readonly notes: readonly ScriptPoint[];
  /** Module specifiers this script loads (import, export … from, import(), require()). */
  readonly imports: readonly ScriptPoint[];
}

export type ScriptResult = { readonly ok: true; readonly scan: ScriptScan } | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

type Binding =
  | { readonly kind: 'global' }
  | { readonly kind: 'tt' }
  | { readonly kind: 'fsm' }
  | { readonly kind: 'h5sdk' }
  | { readonly kind: 'api'; readonly api: string; readonly site?: SourceLocation; referenced?: boolean };

const GLOBAL: Binding = { kind: 'global' };
const TT: Binding = { kind: 'tt' };
const FSM: Binding = { kind: 'fsm' };
const H5SDK: Binding = { kind: 'h5sdk' };
/** What an undeclared name is in a gadget's or web app's JS context. */
const GLOBAL_NAMES: Readonly<Record<string, Binding>> = { tt: TT, h5sdk: H5SDK, window: GLOBAL, globalThis: GLOBAL, self: GLOBAL };

class Scope {
  readonly declared = new Set<string>();
  readonly bindings = new Map<string, Binding>();
  constructor(readonly parent: Scope | null) {}

  owner(name: string): Scope | null {
    return this.declared.has(name) ? this : (this.parent?.owner(name) ?? null);
  }

  lookup(name: string): Binding | undefined {
    const owner = this.owner(name);
    return owner ? owner.bindings.get(name) : GLOBAL_NAMES[name];
  }
}

const PARSE_OPTIONS: Options = { ecmaVersion: 'latest', locations: true, allowHashBang: true, allowReturnOutsideFunction: true };

/** Module first (import/export, top-level await), then script (sloppy mode: `with`, octal literals). */
function parseEither(source: string, preferScript: boolean): Program | { line: number; column: number; message: string; pos: number } {
  const kinds: ('module' | 'script')[] = preferScript ? ['script', 'module'] : ['module', 'script'];
  let furthest: { line: number; column: number; message: string; pos: number } | undefined;
  for (const sourceType of kinds) {
    try {
      return parse(source, { ...PARSE_OPTIONS, sourceType });
    } catch (error) {
      const e = error as SyntaxError & { pos?: number; loc?: { line: number; column: number } };
      const failure = { line: e.loc?.line ?? 1, column: (e.loc?.column ?? 0) + 1, message: e.message.replace(/ \(\d+:\d+\)$/, ''), pos: e.pos ?? 0 };
      if (!furthest || failure.pos > furthest.pos) furthest = failure;
    }
  }
  return furthest!;
}

function staticString(node: AnyNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function memberName(node: AnyNode): string | undefined {
  if (node.type !== 'MemberExpression') return undefined;
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : undefined;
  return staticString(node.property);
}

function memberOf(object: Binding | undefined, name: string): Binding | undefined {
  switch (object?.kind) {
    case 'global':
      return name === 'tt' ? TT : name === 'h5sdk' ? H5SDK : undefined;
    case 'tt':
      return { kind: 'api', api: name };
    case 'fsm':
      return { kind: 'api', api: FSM_PREFIX + name };
    case 'h5sdk':
      return { kind: 'api', api: `h5sdk.${name}` };
    default:
      return undefined;
  }
}

/** What an expression evaluates to, as far as this scan follows values. */
function classify(node: AnyNode, scope: Scope): Binding | undefined {
  switch (node.type) {
    case 'Identifier':
      return scope.lookup(node.name);
    case 'MemberExpression': {
      const name = memberName(node);
      return name === undefined ? undefined : memberOf(classify(node.object, scope), name);
    }
    case 'CallExpression': {
      const callee = classify(node.callee, scope);
      return callee?.kind === 'api' && callee.api === 'getFileSystemManager' ? FSM : undefined;
    }
    case 'ChainExpression':
    case 'ParenthesizedExpression':
      return classify(node.expression, scope);
    default:
      return undefined;
  }
}

function patternNames(pattern: Pattern | AnyNode, out: string[] = []): string[] {
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern.name);
      break;
    case 'ObjectPattern':
      for (const prop of pattern.properties) patternNames(prop.type === 'Property' ? prop.value : prop.argument, out);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements) if (element) patternNames(element, out);
      break;
    case 'RestElement':
      patternNames(pattern.argument, out);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left, out);
      break;
    default:
      break;
  }
  return out;
}

interface ValueSource {
  readonly scope: Scope;
  readonly target: Pattern;
  readonly value: AnyNode;
}

/** Pass 1: function scopes, their declarations, and every `name = value` / `{…} = value` to follow. */
function buildScopes(program: Program): { root: Scope; scopes: WeakMap<AnyNode, Scope>; sources: ValueSource[] } {
  const root = new Scope(null);
  const scopes = new WeakMap<AnyNode, Scope>();
  const sources: ValueSource[] = [];
  scopes.set(program, root);
  const declare = (scope: Scope, pattern: Pattern) => {
    for (const name of patternNames(pattern)) scope.declared.add(name);
  };
  const visitors: Visitors<Scope> = {
    Function(node, scope, c) {
      const inner = new Scope(scope);
      scopes.set(node, inner);
      if (node.id) (node.type === 'FunctionDeclaration' ? scope : inner).declared.add(node.id.name);
      for (const param of node.params) {
        declare(inner, param);
        c(param, inner, 'Pattern');
      }
      c(node.body, inner, node.body.type === 'BlockStatement' ? 'Statement' : 'Expression');
    },
    VariableDeclarator(node, scope, c) {
      declare(scope, node.id);
      if (node.init) sources.push({ scope, target: node.id, value: node.init });
      base.VariableDeclarator!(node, scope, c);
    },
    AssignmentExpression(node, scope, c) {
      if (node.operator === '=' && (node.left.type === 'Identifier' || node.left.type === 'ObjectPattern')) sources.push({ scope, target: node.left, value: node.right });
      base.AssignmentExpression!(node, scope, c);
    },
    CatchClause(node, scope, c) {
      if (node.param) declare(scope, node.param);
      base.CatchClause!(node, scope, c);
    },
    Class(node, scope, c) {
      if (node.type === 'ClassDeclaration' && node.id) scope.declared.add(node.id.name);
      base.Class!(node, scope, c);
    },
    ImportDeclaration(node, scope) {
      for (const specifier of node.specifiers) scope.declared.add(specifier.local.name);
    },
  };
  walk(program, root, visitors);
  return { root, scopes, sources };
}

/** Pass 1, continued: which names hold tt, a FileSystemManager, h5sdk or one API, until nothing changes. */
function followValues(root: Scope, sources: readonly ValueSource[]): Binding[] {
  const destructured: Binding[] = [];
  const bind = (scope: Scope, name: string, binding: Binding): boolean => {
    // An undeclared assignment target is an implicit global: it lives in the root scope.
    const owner = scope.owner(name) ?? root;
    if (owner.bindings.has(name) || (owner === root && !root.declared.has(name) && name in GLOBAL_NAMES)) return false;
    owner.declared.add(name);
    owner.bindings.set(name, binding);
    return true;
  };
  for (let changed = true, round = 0; changed && round < 20; round++) {
    changed = false;
    for (const { scope, target, value } of sources) {
      if (target.type === 'Identifier') {
        // `const c = tt.compressImage` is recorded where tt.compressImage is written; only objects are followed.
        const binding = classify(value, scope);
        if (binding && binding.kind !== 'api') changed = bind(scope, target.name, binding) || changed;
      } else if (target.type === 'ObjectPattern') {
        const object = classify(value, scope);
        if (!object) continue;
        for (const prop of target.properties) {
          if (prop.type !== 'Property') continue;
          const key = prop.computed ? staticString(prop.key) : prop.key.type === 'Identifier' ? prop.key.name : staticString(prop.key);
          const local = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
          const member = key === undefined ? undefined : memberOf(object, key);
          if (!member || local.type !== 'Identifier') continue;
          const binding: Binding = member.kind === 'api' ? { kind: 'api', api: member.api, site: prop.key.loc!, referenced: false } : member;
          if (bind(scope, local.name, binding)) {
            changed = true;
            destructured.push(binding);
          }
        }
      }
    }
  }
  return destructured;
}

interface GuardEntry {
  readonly guard: Guard;
  /** For try guards: the function whose body the try is in (a callback defined inside runs later, outside it). */
  readonly fn: AnyNode | null;
}

interface WalkState {
  readonly scope: Scope;
  readonly fn: AnyNode | null;
  readonly guards: readonly GuardEntry[];
}

const at = (loc: SourceLocation | null | undefined) => ({ line: loc?.start.line ?? 1, column: (loc?.start.column ?? 0) + 1 });

function covers(entry: GuardEntry, api: string, state: WalkState): boolean {
  const { guard } = entry;
  if (guard.kind === 'try') return entry.fn === state.fn;
  if (guard.kind === 'presence') return guard.name === api;
  return guard.name === api || guard.name!.startsWith(`${api}.`);
}

function isAlways(node: AnyNode): boolean {
  if (node.type === 'ReturnStatement' || node.type === 'ThrowStatement' || node.type === 'ContinueStatement' || node.type === 'BreakStatement') return true;
  if (node.type === 'BlockStatement') {
    const last = node.body[node.body.length - 1];
    return last !== undefined && isAlways(last);
  }
  return false;
}

/** Pass 2: records uses and feature checks with the guards around them. */
function collectUses(program: Program, root: Scope, scopes: WeakMap<AnyNode, Scope>, destructured: readonly Binding[]): ScriptScan {
  const uses: ScriptUse[] = [];
  const featureChecks: ScriptPoint[] = [];
  const notes: ScriptPoint[] = [];
  const imports: ScriptPoint[] = [];
  const addImport = (source: AnyNode | null | undefined) => {
    const specifier = staticString(source);
    if (specifier !== undefined) imports.push({ name: specifier, ...at(source!.loc) });
  };

  const record = (api: string, loc: SourceLocation | null | undefined, state: WalkState) => {
    let guardedBy: Guard | null = null;
    for (let i = state.guards.length - 1; i >= 0 && !guardedBy; i--) if (covers(state.guards[i]!, api, state)) guardedBy = state.guards[i]!.guard;
    uses.push({ api, ...at(loc), guardedBy });
  };
  const canIUseSchema = (node: AnyNode, scope: Scope): string | undefined => {
    if (node.type === 'ChainExpression') return canIUseSchema(node.expression, scope);
    if (node.type !== 'CallExpression') return undefined;
    const callee = classify(node.callee, scope);
    return callee?.kind === 'api' && callee.api === 'canIUse' ? staticString(node.arguments[0]) : undefined;
  };
  const presence = (node: AnyNode, scope: Scope): Guard[] => {
    const binding = classify(node, scope);
    return binding?.kind === 'api' ? [{ kind: 'presence', name: binding.api, ...at(node.loc) }] : [];
  };
  /** `typeof tt.x === 'function'` (positive) / `typeof tt.x === 'undefined'` (negative). */
  const typeofTest = (node: AnyNode, scope: Scope, positive: boolean): Guard[] => {
    if (node.type !== 'BinaryExpression' || !['===', '==', '!==', '!='].includes(node.operator)) return [];
    const [unary, literal] = node.left.type === 'UnaryExpression' ? [node.left, node.right] : [node.right, node.left];
    const text = staticString(literal);
    if (unary.type !== 'UnaryExpression' || unary.operator !== 'typeof' || text === undefined) return [];
    const equal = node.operator === '===' || node.operator === '==';
    const says = equal === (text !== 'undefined');
    return says === positive ? presence(unary.argument, scope) : [];
  };
  /** Guards that hold where `test` is true. */
  const whenTrue = (test: AnyNode, scope: Scope): Guard[] => {
    switch (test.type) {
      case 'LogicalExpression':
        return test.operator === '&&' ? [...whenTrue(test.left, scope), ...whenTrue(test.right, scope)] : [];
      case 'UnaryExpression':
        return test.operator === '!' && test.argument.type === 'UnaryExpression' && test.argument.operator === '!' ? whenTrue(test.argument.argument, scope) : [];
      case 'BinaryExpression':
        return typeofTest(test, scope, true);
      case 'ParenthesizedExpression':
        return whenTrue(test.expression, scope);
      default: {
        const schema = canIUseSchema(test, scope);
        if (schema !== undefined) return [{ kind: 'canIUse', name: schema, ...at(test.loc) }];
        return test.type === 'MemberExpression' || test.type === 'Identifier' || test.type === 'ChainExpression' ? presence(test, scope) : [];
      }
    }
  };
  /** Guards that hold where `test` is false. */
  const whenFalse = (test: AnyNode, scope: Scope): Guard[] => {
    switch (test.type) {
      case 'UnaryExpression':
        return test.operator === '!' ? whenTrue(test.argument, scope) : [];
      case 'LogicalExpression':
        return test.operator === '||' ? [...whenFalse(test.left, scope), ...whenFalse(test.right, scope)] : [];
      case 'BinaryExpression':
        return typeofTest(test, scope, false);
      case 'ParenthesizedExpression':
        return whenFalse(test.expression, scope);
      default:
        return [];
    }
  };
  const withGuards = (state: WalkState, guards: readonly Guard[]): WalkState =>
    guards.length === 0 ? state : { ...state, guards: [...state.guards, ...guards.map((guard) => ({ guard, fn: state.fn }))] };
  /** The test of an if / ?: / && is itself safe where it only tests presence (`if (!tt.x) return`). */
  const testState = (test: AnyNode, state: WalkState) => withGuards(state, [...whenTrue(test, state.scope), ...whenFalse(test, state.scope)].filter((g) => g.kind === 'presence'));
  const statements = (body: readonly AnyNode[], state: WalkState, c: Walk<WalkState>) => {
    let current = state;
    for (const statement of body) {
      c(statement, current, 'Statement');
      // `if (!tt.canIUse('x')) return;` guards the rest of the block.
      if (statement.type === 'IfStatement' && !statement.alternate && isAlways(statement.consequent)) current = withGuards(current, whenFalse(statement.test, current.scope));
    }
  };

  const visitors: Visitors<WalkState> = {
    Program: (node, state, c) => statements(node.body, state, c),
    BlockStatement: (node, state, c) => statements(node.body, state, c),
    StaticBlock: (node, state, c) => statements(node.body, state, c),
    Function(node, state, c) {
      const inner: WalkState = { scope: scopes.get(node) ?? state.scope, fn: node, guards: state.guards };
      for (const param of node.params) c(param, inner, 'Pattern');
      c(node.body, inner, node.body.type === 'BlockStatement' ? 'Statement' : 'Expression');
    },
    IfStatement(node, state, c) {
      c(node.test, testState(node.test, state), 'Expression');
      c(node.consequent, withGuards(state, whenTrue(node.test, state.scope)), 'Statement');
      if (node.alternate) c(node.alternate, withGuards(state, whenFalse(node.test, state.scope)), 'Statement');
    },
    ConditionalExpression(node, state, c) {
      c(node.test, testState(node.test, state), 'Expression');
      c(node.consequent, withGuards(state, whenTrue(node.test, state.scope)), 'Expression');
      c(node.alternate, withGuards(state, whenFalse(node.test, state.scope)), 'Expression');
    },
    LogicalExpression(node, state, c) {
      c(node.left, testState(node.left, state), 'Expression');
      const guards = node.operator === '&&' ? whenTrue(node.left, state.scope) : node.operator === '||' ? whenFalse(node.left, state.scope) : [];
      c(node.right, withGuards(state, guards), 'Expression');
    },
    UnaryExpression(node, state, c) {
      // `typeof tt.x` never throws.
      c(node.argument, node.operator === 'typeof' ? withGuards(state, presence(node.argument, state.scope)) : state, 'Expression');
    },
    TryStatement(node, state, c) {
      c(node.block, node.handler ? withGuards(state, [{ kind: 'try', ...at(node.loc) }]) : state, 'Statement');
      if (node.handler) c(node.handler, state);
      if (node.finalizer) c(node.finalizer, state, 'Statement');
    },
    MemberExpression(node, state, c) {
      const object = classify(node.object, state.scope);
      if (object && (object.kind === 'tt' || object.kind === 'fsm' || object.kind === 'h5sdk')) {
        const name = memberName(node);
        const prefix = object.kind === 'tt' ? '' : object.kind === 'fsm' ? FSM_PREFIX : 'h5sdk.';
        if (name === undefined) notes.push({ name: `${object.kind === 'fsm' ? 'FileSystemManager' : object.kind}[…] with a computed name is not checked`, ...at(node.property.loc) });
        else if (!(object.kind === 'tt' && ttDataProperties.includes(name))) record(prefix + name, node.property.loc, state);
      }
      base.MemberExpression!(node, state, c);
    },
    // An assignment target (`tt.x = …`) is no use of the API.
    MemberPattern(node, state, c) {
      c(node.object, state, 'Expression');
      if (node.computed) c(node.property, state, 'Expression');
    },
    Identifier(node, state) {
      const binding = state.scope.lookup(node.name);
      if (binding?.kind === 'api') {
        binding.referenced = true;
        record(binding.api, node.loc, state);
      }
    },
    CallExpression(node, state, c) {
      const callee = classify(node.callee, state.scope);
      if (callee?.kind === 'api' && callee.api === 'canIUse') {
        const schema = staticString(node.arguments[0]);
        if (schema !== undefined) featureChecks.push({ name: schema, ...at(node.arguments[0]!.loc) });
        else if (node.arguments[0]) notes.push({ name: 'canIUse with a computed argument is not checked', ...at(node.arguments[0].loc) });
      }
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && !state.scope.owner('require')) addImport(node.arguments[0]);
      base.CallExpression!(node, state, c);
    },
    ImportDeclaration(node) {
      addImport(node.source);
    },
    ExportNamedDeclaration(node, state, c) {
      addImport(node.source);
      if (node.declaration) c(node.declaration, state, 'Statement');
    },
    ExportAllDeclaration(node) {
      addImport(node.source);
    },
    ImportExpression(node, state, c) {
      addImport(node.source);
      base.ImportExpression!(node, state, c);
    },
  };
  walk<WalkState>(program, { scope: root, fn: null, guards: [] }, visitors);

  // A destructured API never referenced still names it: record it where it is destructured.
  for (const binding of destructured) {
    if (binding.kind === 'api' && binding.site && !binding.referenced) uses.push({ api: binding.api, ...at(binding.site), guardedBy: null });
  }
  uses.sort((a, b) => a.line - b.line || a.column - b.column);
  return { uses, featureChecks, notes, imports };
}

/**
 * Scans one script. `source` may be an HTML file with everything but one inline script blanked (newlines
 * kept), so positions come out in the HTML's coordinates.
 */
export function scanScript(source: string, options: { preferScript?: boolean } = {}): ScriptResult {
  const program = parseEither(source, options.preferScript ?? false);
  if (!('type' in program)) return { ok: false, line: program.line, column: program.column, message: program.message };
  const { root, scopes, sources } = buildScopes(program);
  const destructured = followValues(root, sources);
  return { ok: true, scan: collectUses(program, root, scopes, destructured) };
}
