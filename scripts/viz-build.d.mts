/** Types of scripts/viz-build.mjs, for `meshsim viz` (TypeScript). */
export function vizBuildState(root: string): 'missing' | 'stale' | 'fresh';
export function buildViz(root: string): Promise<void>;
