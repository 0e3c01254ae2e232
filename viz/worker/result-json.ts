import type { Result } from '../../models/run/result';

/**
 * The result as `meshsim run --format json` writes it (cli/format/render-result.ts):
 * two-space indentation and a final newline. Kept here rather than imported so the
 * browser bundle does not reach into cli/; the viz tests compare the two byte for byte.
 */
export function resultJson(result: Result): string {
  return JSON.stringify(result, null, 2) + '\n';
}
