/**
 * `meshsim viz [file]`: serve the browser app (viz/dist, built on demand) on 127.0.0.1,
 * optionally with a scenario file preloaded, and open it in the browser.
 *
 * The server is a small static file server on node:http: GET and HEAD only, no directory
 * listings, nothing outside viz/dist, and one extra route, `/preload/<name>`, that reads
 * the given file afresh on every request (edit it, reload the page). It listens on the
 * loopback address only; there is deliberately no option to listen elsewhere.
 *
 * Listening on loopback is not enough: a page on another site can point its own DNS name
 * at 127.0.0.1 (DNS rebinding) and then read this server as same-origin. Such requests
 * carry that name in their Host header, so only the loopback names are answered
 * (127.0.0.1, localhost, [::1], with any port: an SSH tunnel may change it); any other
 * Host, or none, gets 403.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScenarioError } from '../../models/scenario/errors';
import { UsageError } from '../errors';
import { loadScenarioFile } from '../load';
import { buildViz, vizBuildState } from '../../scripts/viz-build.mjs';
import { VIZ_PORT_DEFAULT, type VizFlags } from './viz-options';

export const VIZ_HOST = '127.0.0.1';

export interface VizServerOptions {
  /** The built app (a folder with index.html). */
  readonly distDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Scenario file served at /preload/<basename>. */
  readonly file?: string;
}

export interface VizServer {
  /** The app's URL, with `?preload=` when a file is given. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}


/** `meshsim viz` (registered in viz.ts): serves the app until Ctrl+C. */
export async function vizCommand(file: string | undefined, flags: VizFlags): Promise<void> {
  const port = parsePort(flags.port);
  if (file !== undefined) checkScenario(file);
  const root = packageRoot();
  const distDir = join(root, 'viz', 'dist');
  await ensureBuilt(root, flags.build ?? false);
  const server = await startVizServer({ distDir, port, file });
  process.stdout.write(`meshsim viz: serving the app at\n  ${server.url}\n(Ctrl+C to stop)\n`);
  if (flags.open) openBrowser(server.url);
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Start the static server; resolves once it listens. */
export function startVizServer(options: VizServerOptions): Promise<VizServer> {
  const distDir = resolve(options.distDir);
  const preloadName = options.file === undefined ? undefined : basename(options.file);
  const server = createServer((request, response) => handle(request, response, distDir, options.file, preloadName));
  return new Promise((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new UsageError(`port ${options.port} on ${VIZ_HOST} is in use`, `--port ${options.port + 1}, or --port 0 for any free port`));
      else reject(error);
    });
    server.listen(options.port, VIZ_HOST, () => {
      const port = (server.address() as { port: number }).port;
      const query = preloadName === undefined ? '' : `?preload=${encodeURIComponent(preloadName)}`;
      resolvePromise({ url: `http://${VIZ_HOST}:${port}/${query}`, port, close: () => closeServer(server) });
    });
  });
}

/** The Host headers answered: a loopback name, optionally with a port. */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.yaml': 'text/yaml; charset=utf-8',
};

function handle(request: IncomingMessage, response: ServerResponse, distDir: string, file: string | undefined, preloadName: string | undefined): void {
  if (!LOOPBACK_HOST.test(request.headers.host ?? '')) {
    return send(response, 403, 'text/plain', 'forbidden: this server answers only to http://127.0.0.1, localhost or [::1]\n', request);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'method not allowed\n', request);
  let path: string;
  try {
    path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    return send(response, 400, 'text/plain', 'bad request\n', request);
  }
  if (path.startsWith('/preload/')) {
    if (file === undefined || path.slice('/preload/'.length) !== preloadName) return send(response, 404, 'text/plain', 'no such preload\n', request);
    try {
      return send(response, 200, CONTENT_TYPES['.yaml']!, readFileSync(file), request);
    } catch (error) {
      return send(response, 500, 'text/plain', `cannot read ${file}: ${(error as Error).message}\n`, request);
    }
  }
  const target = normalize(join(distDir, path === '/' ? 'index.html' : path));
  if (!target.startsWith(distDir + sep) || !existsSync(target) || !statSync(target).isFile()) return send(response, 404, 'text/plain', 'not found\n', request);
  const type = CONTENT_TYPES[extname(target)] ?? 'application/octet-stream';
  send(response, 200, type, readFileSync(target), request);
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, request: IncomingMessage): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port: expected an integer from 0 to 65535, got "${raw}"`, `--port ${VIZ_PORT_DEFAULT}`);
  return port;
}

/** A missing file is an error; a file with problems opens anyway, to be fixed in the editor. */
function checkScenario(file: string): void {
  try {
    loadScenarioFile(file);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    process.stderr.write(`${error.format()}\nmeshsim viz: opening it anyway; the editor shows these problems\n`);
  }
}

/** The folder of meshsim's package.json, from this module (cli/commands/ or the bundle in dist/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'meshsim') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('viz: cannot find the meshsim package folder');
    dir = parent;
  }
}

async function ensureBuilt(root: string, force: boolean): Promise<void> {
  const state = force ? 'stale' : vizBuildState(root);
  if (state === 'fresh') return;
  process.stderr.write(state === 'missing' ? 'meshsim viz: building the app into viz/dist (once)…\n' : 'meshsim viz: rebuilding viz/dist (its sources changed)…\n');
  try {
    await import('vite');
  } catch {
    if (state === 'stale' && !force) return; // an older build still works; nothing to rebuild it with
    throw new UsageError('the viz app is not built and vite is not installed', 'install the development dependencies (npm install), then npm run viz:build');
  }
  await buildViz(root);
}

function openBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`meshsim viz: could not open a browser; open ${url} yourself\n`));
  child.unref();
}
