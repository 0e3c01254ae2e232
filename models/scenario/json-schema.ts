/**
 * The JSON Schema of scenario files, generated from the zod schema, for editors
 * (yaml-language-server) and `meshsim schema`. Committed as `scenarios/schema.json` by
 * scripts/write-schema.ts; a test keeps the two equal.
 *
 * Draft-07, because yaml-language-server (the VS Code YAML extension) validates with
 * draft-07 and does not support 2019-09/2020-12 yet. Every definition is inlined (no
 * `$ref`), since draft-07 ignores keywords beside a `$ref` and each field's description
 * would be lost. The schema checks the shape and unit syntax; ranges and references
 * between sections (a call to an unknown service) are checked by the loader only.
 */
import { z } from 'zod';
import { fieldJsonSchema } from './fields';

/**
 * The hand-written JSON Schema of a unit field, found through the clones that `.meta()`
 * and `.refine()` make and through `.optional()`.
 */
function unitJsonSchema(schema: z.core.$ZodType) {
  let s: z.core.$ZodType | undefined = schema;
  while (s !== undefined) {
    const json = fieldJsonSchema.get(s);
    if (json !== undefined) return json;
    const def: z.core.$ZodTypeDef = s._zod.def;
    s = s._zod.parent ?? (def.type === 'optional' ? (def as z.core.$ZodOptionalDef).innerType : undefined);
  }
  return undefined;
}

/** Adjusts zod's rendering of one schema: unit fields get their pattern, integers lose the 2^53 bound. */
function override(schema: z.core.$ZodType, target: Record<string, unknown>): void {
  if (target.maximum === Number.MAX_SAFE_INTEGER) delete target.maximum;
  const unit = unitJsonSchema(schema);
  if (unit === undefined) return;
  const meta = z.globalRegistry.get(schema) ?? {};
  const description = meta.description === undefined || meta.description === unit.help ? unit.help : `${meta.description} ${unit.help}`;
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, unit.json, meta, { description });
}

/** The JSON Schema (draft-07) of scenario files in the language of `schema`, as a plain object. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'throw',
    override: (ctx) => override(ctx.zodSchema, ctx.jsonSchema as Record<string, unknown>),
  }) as Record<string, unknown>;
}
