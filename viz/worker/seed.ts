/**
 * The seed field's rule, as the CLI's `--seed` and the scenario's `seed:` have it: a
 * whole number from 0 to Number.MAX_SAFE_INTEGER, written in digits. Anything else is
 * refused with a message rather than read as some other seed (`Number('')` is 0,
 * `Number('1e999')` is Infinity, and above 2^53 neighbouring seeds become the same one).
 */

export type SeedReading = { readonly ok: true; readonly seed: number } | { readonly ok: false; readonly message: string };

/** The largest seed: beyond it, two seeds can be the same double. */
export const SEED_MAX = Number.MAX_SAFE_INTEGER;

/** Read a seed as typed (surrounding blanks ignored). */
export function parseSeed(text: string): SeedReading {
  const trimmed = text.trim();
  const seed = Number(trimmed);
  if (/^\d+$/.test(trimmed) && Number.isSafeInteger(seed)) return { ok: true, seed };
  const shown = trimmed === '' ? 'nothing' : `"${trimmed}"`;
  return { ok: false, message: `seed: ${shown} is not a seed (a whole number from 0 to ${SEED_MAX})` };
}

/** Whether `seed` is one the run accepts (for seeds that arrive as numbers). */
export function isSeed(seed: number): boolean {
  return Number.isSafeInteger(seed) && seed >= 0;
}
