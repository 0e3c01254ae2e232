/**
 * Variants: the cross product of a sweep's axes. Each variant is a set of overrides on the
 * scenario and has a name, `path=value` joined by commas
 * (`clients.web.balancer.policy=random,services.api.replicas=4`), and a short name, its
 * values joined by commas (`random,4`), by which expectations and `--baseline` may name it.
 */
import type { ScenarioOverride } from '../models/scenario/overrides';
import { PlannerError } from './planner-error';
import { axisValues, type Axis, type AxisValue } from './vary';

export interface Variant {
  /** `path=value` joined by commas; '' for the scenario as written (no axes). */
  readonly name: string;
  /** The values joined by commas. */
  readonly shortName: string;
  /** Each path's value, as it reads (numbers as numbers). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly overrides: readonly ScenarioOverride[];
}

/** Upper bound on the variants of one sweep: each runs every replication. */
export const VARIANTS_MAX = 1000;

/** The cross product of `axes`, first axis outermost; one variant without overrides when there are none. */
export function variantsOf(axes: readonly Axis[]): Variant[] {
  let combos: AxisValue[][] = [[]];
  for (const axis of axes) {
    const values = axisValues(axis);
    if (combos.length * values.length > VARIANTS_MAX) {
      throw new PlannerError(`the sweep has more than ${VARIANTS_MAX} variants`, 'vary fewer paths or values, or shard the sweep over several commands');
    }
    combos = combos.flatMap((combo) => values.map((value) => [...combo, value]));
  }
  const variants = combos.map((combo) => variantOf(axes, combo));
  const names = new Set<string>();
  for (const v of variants) {
    if (names.has(v.name)) throw new PlannerError(`the sweep has variant "${v.name}" twice`, 'list each value of a path once');
    names.add(v.name);
  }
  return variants;
}

/** The variant setting each axis's path to the value at the same index. */
export function variantOf(axes: readonly Pick<Axis, 'path'>[], combo: readonly AxisValue[]): Variant {
  const values: Record<string, unknown> = {};
  const overrides: ScenarioOverride[] = [];
  axes.forEach((axis, i) => {
    values[axis.path] = combo[i]!.value;
    overrides.push({ path: axis.path, value: combo[i]!.text });
  });
  return {
    name: overrides.map((o) => `${o.path}=${o.value}`).join(','),
    shortName: combo.map((v) => v.text).join(','),
    values,
    overrides,
  };
}

/** A label for people: the short name when no other variant shares it, else the full name. */
export function labelOf(variant: Variant, all: readonly Variant[]): string {
  if (variant.name === '') return '(as written)';
  return all.filter((v) => v.shortName === variant.shortName).length === 1 ? variant.shortName : variant.name;
}

/**
 * The variant `ref` names: its full name, or its short name when that is unique.
 * @throws PlannerError naming the variants there are
 */
export function findVariant(variants: readonly Variant[], ref: string, where: string): Variant {
  const exact = variants.find((v) => v.name === ref);
  if (exact !== undefined) return exact;
  const short = variants.filter((v) => v.shortName === ref);
  if (short.length === 1) return short[0]!;
  const labels = variants.map((v) => labelOf(v, variants));
  if (short.length > 1) throw new PlannerError(`${where}: "${ref}" names ${short.length} variants`, `use a full name: ${short.map((v) => v.name).join(' | ')}`);
  if (variants.length === 1 && variants[0]!.name === '') throw new PlannerError(`${where}: no variant "${ref}": the scenario has no sweep`, 'add a sweep: block or --vary PATH=V1,V2');
  throw new PlannerError(`${where}: no variant "${ref}"`, `variants: ${labels.join(', ')}`);
}
