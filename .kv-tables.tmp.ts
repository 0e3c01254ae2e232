import { readFileSync } from 'node:fs';
import { loadScenario } from './models/scenario/load';
import { runScenario } from './models/run-scenario';
const run = (file: string, vary: Record<string, string>) => {
  const s = loadScenario(readFileSync(file, 'utf8'), file, { overrides: Object.entries(vary).map(([path, value]) => ({ path, value })) });
  return runScenario(s);
};
const which = process.argv[2];
if (which === 'vnodes') {
  for (const replication of ['1', '3']) for (const v of ['1', '4', '16', '64', '256']) {
    const r = run('scenarios/ring-vnodes.yaml', { 'services.kv.vnodes': v, 'services.kv.replication': replication, duration: '1s' });
    const k = r.summary.kv!;
    console.log(`N=${replication} v=${v} max=${k.keysPerNode.max} mean=${k.keysPerNode.mean} ratio=${(k.keysPerNode.max / k.keysPerNode.mean).toFixed(3)} theory=${(1 / Math.sqrt(+v)).toFixed(3)}`);
  }
}
if (which === 'hot') {
  for (const placement of ['ring', 'bounded-load']) {
    const r = run('scenarios/hot-keys.yaml', { 'services.kv.placement': placement });
    const k = r.summary.kv!;
    const u = Object.values(r.summary.nodes).map((n) => n.utilization);
    console.log(placement, (k.keysPerNode.max / k.keysPerNode.mean).toFixed(3), Math.min(...u), Math.max(...u), r.summary.latencyMs.p99);
  }
}
if (which === 'crash') {
  const variants: Record<string, Record<string, string>> = {
    'W=2 R=2 (default)': {},
    'W=2 R=2 strict': { 'services.kv.hintedHandoff': 'false' },
    'W=1 R=1': { 'services.kv.w': '1', 'services.kv.r': '1' },
    'W=1 R=1 no handoff, no repair': { 'services.kv.w': '1', 'services.kv.r': '1', 'services.kv.hintedHandoff': 'false', 'services.kv.readRepair': 'false' },
    'W=3 R=1': { 'services.kv.w': '3', 'services.kv.r': '1' },
    'W=3 R=1 strict': { 'services.kv.w': '3', 'services.kv.r': '1', 'services.kv.hintedHandoff': 'false' },
  };
  for (const [name, vary] of Object.entries(variants)) {
    const r = run('scenarios/kv-crash-quorum.yaml', vary);
    const k = r.summary.kv!;
    const q = r.summary.requests;
    console.log(`${name} | ${q.failed} | ${(q.failed / q.sent * 100).toFixed(2)}% | ${r.summary.latencyMs.p99} | ${k.hintsStored} | ${k.hintsPending} | ${k.readRepairs} | ${k.lostAcknowledgedWrites}`);
  }
}
if (which === 'add') {
  for (const bw of ['200Mbps', '50Mbps']) {
    const r = run('scenarios/kv-add-node.yaml', { 'services.kv.streamBandwidth': bw });
    const k = r.summary.kv!;
    const pts = r.timeseries.points;
    const p99 = (from: number, to: number) => { const xs = pts.filter((p) => p.tMs >= from && p.tMs < to && p.p99Ms !== null).map((p) => p.p99Ms!); return (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2); };
    const end = 20000 + k.rebalanceMs;
    console.log(`${bw} keysMoved=${k.keysMoved} bytes=${k.bytesMoved} rebalanceMs=${k.rebalanceMs} MB/s=${(k.bytesMoved / k.rebalanceMs / 1000).toFixed(1)} p99 before=${p99(5000, 20000)} during=${p99(20000, Math.floor(end / 1000) * 1000)} after=${p99(Math.ceil(end / 1000) * 1000 + 1000, 60000)} lost=${k.lostAcknowledgedWrites} failed=${r.summary.requests.failed}`);
  }
}
