import type { MathNode } from 'mathjs';
import { closest } from '../../models/scenario/did-you-mean';
import { PlannerError } from '../../planner/planner-error';
import { UsageError } from '../errors';

type Scope = Readonly<Record<string, unknown>>;

const EXAMPLE = 'e.g. --cost "services.api.replicas * services.api.cores * 0.045"';

/**
 * A cost function from a mathjs expression over the loaded scenario (mathjs is loaded only
 * when --cost is given). A path that names nothing in the scenario is reported by name,
 * with the closest key, before mathjs can turn it into a type error about `undefined`.
 */
export async function costFunction(text: string): Promise<(scope: Scope) => number> {
  const { parse } = await import('mathjs');
  let root: MathNode;
  try {
    root = parse(text);
  } catch (error) {
    throw new UsageError(`--cost "${text}": ${(error as Error).message}`, EXAMPLE);
  }
  const expression = root.compile();
  let checked = false;
  return (scope) => {
    if (!checked) {
      checkPaths(text, root, scope);
      checked = true;
    }
    let value: unknown;
    try {
      value = expression.evaluate({ ...scope });
    } catch (error) {
      throw new PlannerError(`--cost "${text}": ${(error as Error).message}`, 'paths name loaded values, e.g. services.api.replicas; write services["my-svc"] for a name with dashes');
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new PlannerError(`--cost "${text}" gives ${JSON.stringify(value)}, not a number`, EXAMPLE);
    return value;
  };
}

/** Every `a.b.c` (or `a["b"].c`) in the expression must exist in the scenario. */
function checkPaths(text: string, root: MathNode, scope: Scope): void {
  root.traverse((node) => {
    const path = accessPath(node);
    if (path === undefined || !(path[0]! in scope)) return;
    let value: unknown = scope[path[0]!];
    for (let i = 1; i < path.length; i++) {
      const key = path[i]!;
      if (value === null || typeof value !== 'object' || !(key in value)) {
        const keys = value !== null && typeof value === 'object' ? Object.keys(value) : [];
        const match = closest(key, keys);
        throw new PlannerError(`--cost "${text}": ${path.slice(0, i + 1).join('.')} is not in the scenario`,
          match !== undefined ? `did you mean ${[...path.slice(0, i), match].join('.')}?` : keys.length > 0 ? `${path.slice(0, i).join('.')} has ${keys.join(', ')}` : EXAMPLE);
      }
      value = (value as Record<string, unknown>)[key];
    }
  });
}

/** `services.api.cores` as ['services', 'api', 'cores'], for accessor chains of constant keys. */
function accessPath(node: MathNode): string[] | undefined {
  if (node.type === 'SymbolNode') return [(node as unknown as { name: string }).name];
  if (node.type !== 'AccessorNode') return undefined;
  const { object, index } = node as unknown as { object: MathNode; index: { dimensions: MathNode[] } };
  const key = index.dimensions.length === 1 && index.dimensions[0]!.type === 'ConstantNode' ? (index.dimensions[0] as unknown as { value: unknown }).value : undefined;
  const head = accessPath(object);
  return head !== undefined && typeof key === 'string' ? [...head, key] : undefined;
}
