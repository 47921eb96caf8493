import { type Expression, type Node, parse, parseExpressionAt } from 'acorn';

/**
 * A CivicUK Cookie Control configuration, found in a page template's script or a file of
 * its own: the object passed to `CookieControl.load(…)`, directly or through a variable.
 * It is parsed with acorn and read as data, never run: a property whose value is not a
 * literal (a function, a variable) is kept only as its source text.
 */

/** Code in a configuration (a function, a variable, a call): kept as its source text, never run. */
export class Code {
  constructor(readonly code: string) {}
}
export type ConfigObject = { [key: string]: ConfigValue };
/** A configuration's value as data. */
export type ConfigValue = string | number | boolean | null | ConfigValue[] | ConfigObject | Code;

export const isCode = (value: ConfigValue | undefined): value is Code => value instanceof Code;
export const isRecord = (value: ConfigValue | undefined): value is ConfigObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Code);

const PARSE_OPTIONS = {
  ecmaVersion: 'latest',
  sourceType: 'script',
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  allowHashBang: true,
} as const;

/** A script's syntax tree, or undefined when it is not JavaScript acorn can read (or is nested too deeply for it). */
function syntaxTree(source: string): Node | undefined {
  for (const sourceType of ['script', 'module'] as const) {
    try {
      return parse(source, { ...PARSE_OPTIONS, sourceType });
    } catch {
      // A syntax error, or a RangeError on absurd nesting: try the other way, then give up on this script.
    }
  }
  return undefined;
}

/** Every node of a tree, without recursion: a script nested 100,000 deep cannot overflow the stack here. */
function* nodesOf(root: Node): Generator<Node> {
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    if (!value || typeof value !== 'object' || typeof (value as Node).type !== 'string') continue;
    yield value as Node;
    for (const key in value)
      if (key !== 'loc' && key !== 'range') {
        const child = (value as Record<string, unknown>)[key];
        if (child && typeof child === 'object') stack.push(child);
      }
  }
}

const isCookieControlLoad = (node: Node): node is Node & { arguments: Expression[] } => {
  if (node.type !== 'CallExpression') return false;
  const callee = (node as unknown as { callee: Node }).callee as Node & {
    object?: Node & { name?: string };
    property?: Node & { name?: string };
  };
  return callee.type === 'MemberExpression' && callee.object?.name === 'CookieControl' && callee.property?.name === 'load';
};

/** The object a `CookieControl.load(…)` call passes, following a variable to where it is set. */
function loadedObject(tree: Node): Node | undefined {
  const assigned = new Map<string, Node>();
  let argument: Node | undefined;
  for (const node of nodesOf(tree)) {
    if (node.type === 'VariableDeclarator') {
      const { id, init } = node as unknown as { id: Node & { name?: string }; init: Node | null };
      if (id.name && init?.type === 'ObjectExpression' && !assigned.has(id.name)) assigned.set(id.name, init);
    } else if (node.type === 'AssignmentExpression') {
      const { left, right } = node as unknown as { left: Node & { name?: string }; right: Node };
      if (left.name && right.type === 'ObjectExpression' && !assigned.has(left.name)) assigned.set(left.name, right);
    } else if (!argument && isCookieControlLoad(node)) argument = node.arguments[0];
  }
  if (!argument) return undefined;
  if (argument.type === 'ObjectExpression') return argument;
  const name = (argument as Node & { name?: string }).name;
  return argument.type === 'Identifier' && name ? assigned.get(name) : undefined;
}

/** A literal's value; code (functions, variables, calls) as its source text. */
function literalValue(root: Node, source: string): ConfigValue {
  // Depth-first without recursion: each node's value is built once its children's are.
  type Frame = { node: Node; done: boolean };
  const results = new Map<Node, ConfigValue>();
  const stack: Frame[] = [{ node: root, done: false }];
  const childrenOf = (node: Node): Node[] => {
    if (node.type === 'ArrayExpression')
      return ((node as unknown as { elements: (Node | null)[] }).elements ?? []).filter(Boolean) as Node[];
    if (node.type === 'ObjectExpression')
      return (node as unknown as { properties: (Node & { value?: Node })[] }).properties
        .filter((p) => p.type === 'Property' && p.value)
        .map((p) => p.value as Node);
    return [];
  };
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (!frame.done) {
      frame.done = true;
      for (const child of childrenOf(frame.node)) stack.push({ node: child, done: false });
      continue;
    }
    stack.pop();
    results.set(frame.node, literal(frame.node, source, results));
  }
  return results.get(root)!;
}

function literal(node: Node, source: string, results: Map<Node, ConfigValue>): ConfigValue {
  switch (node.type) {
    case 'Literal': {
      const value = (node as unknown as { value: unknown }).value;
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
        ? value
        : new Code(source.slice(node.start, node.end));
    }
    case 'TemplateLiteral': {
      const { expressions, quasis } = node as unknown as { expressions: Node[]; quasis: { value: { cooked: string | null } }[] };
      return expressions.length ? new Code(source.slice(node.start, node.end)) : (quasis[0]?.value.cooked ?? '');
    }
    case 'ArrayExpression':
      return ((node as unknown as { elements: (Node | null)[] }).elements ?? []).map((element) =>
        element ? (results.get(element) ?? null) : null,
      );
    case 'ObjectExpression': {
      const object: ConfigObject = {};
      for (const property of (node as unknown as { properties: (Node & { key: Node; value: Node; computed: boolean })[] }).properties) {
        if (property.type !== 'Property' || property.computed) continue;
        const key = property.key as Node & { name?: string; value?: unknown };
        const name = key.type === 'Identifier' ? key.name : String(key.value);
        // Own keys only: a configuration cannot reach Object.prototype through "__proto__".
        if (name && name !== '__proto__') object[name] = results.get(property.value) ?? new Code('');
      }
      return object;
    }
    default:
      return new Code(source.slice(node.start, node.end));
  }
}

/**
 * The Cookie Control configuration in some JavaScript (a page's scripts, or a file of its
 * own), or in an object literal or JSON on its own. `undefined` when there is none.
 */
export function findCookieControlConfig(scripts: string[]): ConfigObject | undefined {
  for (const script of scripts) {
    if (!/CookieControl|optionalCookies/.test(script)) continue;
    const tree = syntaxTree(script);
    const object = tree && loadedObject(tree);
    if (object) {
      const value = literalValue(object, script);
      if (isRecord(value)) return value;
    }
    // A configuration on its own: `{ apiKey: …, optionalCookies: […] }`, or the same as JSON.
    const start = script.search(/\{/);
    if (start >= 0 && /optionalCookies/.test(script)) {
      try {
        const expression = parseExpressionAt(script, start, PARSE_OPTIONS);
        const value = literalValue(expression, script);
        if (isRecord(value) && 'optionalCookies' in value) return value;
      } catch {
        // Not an object literal after all.
      }
    }
  }
  return undefined;
}
