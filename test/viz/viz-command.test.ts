import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVizServer, vizCommand, type VizServer } from '../../cli/commands/viz-command';
import { buildProgram } from '../../cli/main';

/**
 * A raw GET (fetch would normalise `..` out of the path before sending it). `host` is the
 * Host header to send (null: none at all); by default `127.0.0.1:<port>`, as a browser sends it.
 */
function get(port: number, path: string, method = 'GET', host?: string | null): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = host === undefined || host === null ? {} : { Host: host };
    const req = request({ host: '127.0.0.1', port, path, method, headers, setHost: host !== null }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += String(chunk)));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('meshsim viz: the static server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshsim-viz-'));
  const dist = join(dir, 'dist');
  const scenario = join(dir, 'my scenario.yaml');
  let server: VizServer;

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>viz</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'not served');
    writeFileSync(scenario, 'name: mine\n');
    server = await startVizServer({ distDir: dist, port: 0, file: scenario });
  });

  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 and gives the URL with the preloaded file', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?preload=my%20scenario.yaml`);
  });

  it('serves the app and its assets with their content types', async () => {
    expect(await get(server.port, '/')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>viz</title>' });
    expect(await get(server.port, '/assets/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
  });

  it('serves the preloaded file, read afresh each time', async () => {
    expect(await get(server.port, '/preload/my%20scenario.yaml')).toMatchObject({ status: 200, body: 'name: mine\n' });
    writeFileSync(scenario, 'name: edited\n');
    expect((await get(server.port, '/preload/my%20scenario.yaml')).body).toBe('name: edited\n');
    expect((await get(server.port, '/preload/other.yaml')).status).toBe(404);
  });

  it('serves nothing outside the app folder, and only GET and HEAD', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets', '/nope.js']) {
      expect((await get(server.port, path)).status, path).toBe(404);
    }
    expect((await get(server.port, '/%E0%A4%A')).status).toBe(400);
    expect((await get(server.port, '/', 'POST')).status).toBe(405);
    expect(await get(server.port, '/', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('answers only requests addressed to a loopback name: a DNS-rebinding page cannot read the scenario', async () => {
    const port = server.port;
    const allowed = ['127.0.0.1', `127.0.0.1:${port}`, 'localhost', `localhost:${port}`, `LocalHost:${port}`, '[::1]', `[::1]:${port}`, 'localhost:8080'];
    for (const host of allowed) {
      expect((await get(port, '/preload/my%20scenario.yaml', 'GET', host)).status, host).toBe(200);
      expect((await get(port, '/', 'GET', host)).status, host).toBe(200);
    }
    const refused = [
      'evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost.evil.example`, 'localhost.', '127.0.0.2',
      '0.0.0.0', `[::1].evil.example`, '::1', `localhost:${port}x`, `localhost:`, `user@localhost`,
    ];
    for (const host of refused) {
      for (const path of ['/preload/my%20scenario.yaml', '/', '/assets/app.js', '/nope']) {
        expect(await get(port, path, 'GET', host), `${host} ${path}`).toEqual({
          status: 403, type: 'text/plain', body: 'forbidden: this server answers only to http://127.0.0.1, localhost or [::1]\n',
        });
      }
    }
    const noHost = await get(port, '/preload/my%20scenario.yaml', 'GET', null); // Node itself answers 400 before the handler
    expect(noHost.status).toBeGreaterThanOrEqual(400);
    expect(noHost.body).not.toContain('name:');
    expect((await get(port, '/', 'POST', 'evil.example')).status).toBe(403);
  });

  it('a port in use is a usage error with a hint', async () => {
    await expect(startVizServer({ distDir: dist, port: server.port })).rejects.toThrow(`port ${server.port} on 127.0.0.1 is in use`);
  });
});

describe('meshsim viz: the command', () => {
  it('rejects a bad --port before doing anything', async () => {
    await expect(vizCommand(undefined, { port: 'abc', open: false })).rejects.toThrow('--port: expected an integer from 0 to 65535, got "abc"');
    await expect(vizCommand(undefined, { port: '70000', open: false })).rejects.toThrow('--port: expected an integer from 0 to 65535, got "70000"');
  });

  it('a missing scenario file is a usage error', async () => {
    await expect(vizCommand('nope.yaml', { port: '0', open: false })).rejects.toThrow('no such file: nope.yaml');
  });

  it('help shows the argument, the options and their defaults', async () => {
    const program = buildProgram();
    let help = '';
    program.commands.find((c) => c.name() === 'viz')!.configureOutput({ writeOut: (text) => (help += text) });
    await expect(program.parseAsync(['viz', '--help'], { from: 'user' })).rejects.toMatchObject({ exitCode: 0 });
    expect(help).toContain('Usage: meshsim viz [options] [file]');
    expect(help).toContain('--port <n>');
    expect(help).toContain('(default: 5173)');
    expect(help).toContain('--no-open');
    expect(help).toContain('Examples:');
  });
});
