import { RingPartitioner } from './components/kv/ring-partitioner';
const ids = Array.from({ length: 10 }, (_, i) => `kv-${i}`);
const p = new RingPartitioner(ids, { vnodes: 8 });
for (const k of ['key-0', 'key-1', 'key-2']) console.log(k, p.preferenceList(k, 3));
