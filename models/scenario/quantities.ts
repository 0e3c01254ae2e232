/**
 * Kubernetes resource quantities, as pod specs write them: CPU in cores or millicores
 * (`2`, `0.5`, `500m`) and memory in bytes with a binary or decimal suffix (`256Mi`,
 * `1Gi`, `500M`, `1048576`). Here a bare number is a value (cores, bytes), as in a pod
 * spec: a Kubernetes user's numbers mean the same in a scenario. Parsers return a
 * `UnitResult` and never throw; values are exact where the digits allow.
 */
import { scale, type Factor, type UnitResult } from './units';

const NUMBER = String.raw`\d+(?:\.\d+)?`;

/** Memory suffixes, to bytes: binary (Ki, Mi, …) and decimal (k, M, …), as Kubernetes reads them. */
const MEMORY_UNITS: Readonly<Record<string, Factor>> = {
  '': { numerator: 1, denominator: 1 },
  k: { numerator: 1e3, denominator: 1 },
  M: { numerator: 1e6, denominator: 1 },
  G: { numerator: 1e9, denominator: 1 },
  T: { numerator: 1e12, denominator: 1 },
  Ki: { numerator: 1024, denominator: 1 },
  Mi: { numerator: 1024 ** 2, denominator: 1 },
  Gi: { numerator: 1024 ** 3, denominator: 1 },
  Ti: { numerator: 1024 ** 4, denominator: 1 },
};

/** Spellings from other tools, to the Kubernetes suffix meant. */
const MEMORY_ALIASES: Readonly<Record<string, string>> = { KiB: 'Ki', MiB: 'Mi', GiB: 'Gi', TiB: 'Ti', K: 'k', KB: 'k', MB: 'M', GB: 'G', TB: 'T', B: '' };

export const QUANTITY_PATTERNS = Object.freeze({
  cpu: `^${NUMBER}m?$`,
  memory: `^${NUMBER}(?:Ki|Mi|Gi|Ti|k|M|G|T)?$`,
});

export const QUANTITY_EXPECTED = Object.freeze({
  cpu: 'a CPU quantity in cores or millicores (2, 0.5, 500m)',
  memory: 'a memory quantity in bytes (Ki, Mi, Gi, Ti; k, M, G, T), e.g. 256Mi',
});

/** Upper bounds: beyond any machine, short of a typo that overflows the arithmetic. */
const CPU_MAX_MILLICORES = 1e9;
const MEMORY_MAX_BYTES = 2 ** 53 - 1;

const fail = (expected: string, hint?: string): UnitResult => (hint === undefined ? { ok: false, expected } : { ok: false, expected, hint });

/** A CPU quantity to millicores: `500m` → 500, `2` or 2 → 2000, `0.25` → 250. Whole millicores only. */
export function parseCpu(raw: unknown): UnitResult {
  const expected = QUANTITY_EXPECTED.cpu;
  const text = typeof raw === 'number' ? (Number.isFinite(raw) && raw >= 0 ? String(raw) : undefined) : typeof raw === 'string' ? raw : undefined;
  if (text === undefined) return fail(expected, typeof raw === 'number' && raw < 0 ? 'CPU cannot be negative' : undefined);
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(text);
  if (match === null) {
    if (/^\d+(?:\.\d+)?\s*(?:cores?|cpus?)$/i.test(text.trim())) return fail(expected, `write ${/^\d+(?:\.\d+)?/.exec(text.trim())![0]} (cores) or millicores like 500m`);
    return fail(expected, text.startsWith('-') ? 'CPU cannot be negative' : 'e.g. 500m for half a core, or 2 for two cores');
  }
  const [, digits, milli] = match as unknown as [string, string, string];
  const millicores = scale(digits, milli === 'm' ? { numerator: 1, denominator: 1 } : { numerator: 1000, denominator: 1 });
  if (!Number.isInteger(millicores)) return fail(expected, `${text} is ${millicores} millicores; Kubernetes counts whole millicores (1m is the smallest)`);
  if (millicores > CPU_MAX_MILLICORES) return fail(expected, `at most ${CPU_MAX_MILLICORES / 1000} cores`);
  return { ok: true, value: millicores };
}

/** A memory quantity to bytes: `256Mi` → 268435456, `1G` → 1e9, 1024 → 1024. Whole bytes only. */
export function parseMemory(raw: unknown): UnitResult {
  const expected = QUANTITY_EXPECTED.memory;
  if (typeof raw === 'number') {
    if (Number.isSafeInteger(raw) && raw >= 0) return { ok: true, value: raw };
    return fail(expected, raw < 0 ? 'memory cannot be negative' : 'a number is bytes, a whole number of them; or write a suffix, e.g. 256Mi');
  }
  if (typeof raw !== 'string') return fail(expected);
  const match = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(raw);
  if (match === null) return fail(expected, raw.startsWith('-') ? 'memory cannot be negative' : 'e.g. 256Mi or 1Gi');
  const [, digits, suffix] = match as unknown as [string, string, string];
  const factor = MEMORY_UNITS[suffix];
  if (factor === undefined || raw !== `${digits}${suffix}`) {
    const meant = MEMORY_ALIASES[suffix] ?? (MEMORY_UNITS[suffix.trim()] === undefined ? undefined : suffix.trim());
    return fail(expected, meant === undefined ? `unknown suffix "${suffix}"; use Ki, Mi, Gi, Ti (powers of 1024) or k, M, G, T (powers of 1000)` : `write ${digits}${meant}`);
  }
  const bytes = scale(digits, factor);
  if (!Number.isInteger(bytes)) return fail(expected, `${raw} is ${bytes} bytes; memory is whole bytes`);
  if (bytes > MEMORY_MAX_BYTES) return fail(expected, 'at most 2^53 − 1 bytes');
  return { ok: true, value: bytes };
}
