/**
 * Share links: the URL hash holds the scenario text (deflated with the browser's own
 * CompressionStream, then base64url), the seed, the file name, the Compare override and
 * the moment shown, so a link reopens the same run at the same time.
 *
 *   #v=1&file=quickstart.yaml&seed=1&t=21000&cmp=clients.web.balancer.policy%3Dleast-request&s=<deflated text>
 */
import type { ScenarioOverride } from '../../models/scenario/overrides';
import { parseSeed } from '../worker/seed';

export interface SharedState {
  readonly text: string;
  readonly file: string;
  readonly seed?: number;
  /** Sim time shown (ms). */
  readonly tMs?: number;
  readonly compare?: ScenarioOverride;
}

const VERSION = '1';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunks of 32 Ki bytes: bounded, so spreading one into a call is safe.
  // eslint-disable-next-line no-restricted-syntax
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The hash (without '#') for `state`. */
export async function encodeShare(state: SharedState): Promise<string> {
  const params = new URLSearchParams({ v: VERSION, file: state.file });
  if (state.seed !== undefined) params.set('seed', String(state.seed));
  if (state.tMs !== undefined && state.tMs > 0) params.set('t', String(Math.round(state.tMs)));
  if (state.compare !== undefined) params.set('cmp', `${state.compare.path}=${state.compare.value}`);
  const deflated = await pipe(new TextEncoder().encode(state.text), new CompressionStream('deflate-raw'));
  params.set('s', toBase64Url(deflated));
  return params.toString();
}

/** The state in a hash, or undefined when the hash holds none. Throws on a damaged link. */
export async function decodeShare(hash: string): Promise<SharedState | undefined> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get('s');
  if (packed === null) return undefined;
  if (params.get('v') !== VERSION) throw new Error(`viz: share link version "${params.get('v')}" is not supported (expected ${VERSION})`);
  const text = new TextDecoder().decode(await pipe(fromBase64Url(packed), new DecompressionStream('deflate-raw')));
  const seed = params.get('seed');
  const reading = seed === null ? undefined : parseSeed(seed);
  if (reading?.ok === false) throw new Error(`viz: share link: ${reading.message}`);
  const t = params.get('t');
  const cmp = params.get('cmp');
  const split = cmp === null ? -1 : cmp.indexOf('=');
  return {
    text,
    file: params.get('file') ?? 'shared.yaml',
    ...(reading === undefined ? {} : { seed: reading.seed }),
    ...(t === null ? {} : { tMs: Number(t) }),
    ...(cmp === null || split < 0 ? {} : { compare: { path: cmp.slice(0, split), value: cmp.slice(split + 1) } }),
  };
}
