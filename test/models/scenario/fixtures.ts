// Scenario texts shared by the loader tests.

/** The v1 example of the format, verbatim. */
export const EXAMPLE = `
name: mmc-example
description: optional free text
seed: 7
duration: 2000s          # simulated time
warmup: 100s             # excluded from metrics (default 0s)
replications: 4          # seeds seed, seed+1, ... (default 1)
window: 1s               # time-series window (default 1s)
network:
  latency: 0ms           # a duration (constant) or a distribution
  bandwidth: 10Gbps      # optional
  loss: 0%               # optional, default 0
services:
  srv:
    replicas: 1          # default 1
    cores: 4             # default 1
    discipline: fifo     # fifo | ps, default fifo
    queueLimit: 100      # optional
    serviceTime: { dist: exponential, mean: 1s }
    errorRate: 0.1%      # optional, default 0
    requestSize: 1KiB    # optional, default 1KiB ; responseSize likewise (default 1KiB)
    calls: [{ service: db, count: 2, parallel: true }, { service: cache }]   # optional; count default 1, parallel default false
    callTimeout: 1s      # optional, timeout of each downstream call
    balancer: { policy: round-robin }   # optional: balancer for downstream calls, default round-robin
  db: { replicas: 2, serviceTime: 5ms }
  cache: { serviceTime: 200us }
clients:
  load:
    target: srv
    instances: 1         # default 1
    arrival: { process: poisson, rate: 3.2/s }
    # or: { process: constant, rate: 100/s }
    # or: { process: poisson, rate: [{ at: 0s, rate: 100/s }, { at: 60s, rate: 300/s }] }  (steps, must start at 0s and be increasing)
    # or: { process: closed, users: 20, thinkTime: { dist: exponential, mean: 1s } }
    timeout: 60s         # optional
    balancer: { policy: random }   # default round-robin; options: panicThreshold: 50% (default 50%)
faults:
  - { at: 500s, crash: srv-0, for: 10s }          # node id <service>-<index>, or a service name = all its replicas; \`for\` optional (absent = until the end)
  - { at: 600s, slow: srv-0, factor: 5, for: 60s }
  - { at: 700s, partition: [[srv-0], [db-0, db-1]], for: 30s }
  - { at: 800s, loss: 5%, for: 10s }
`;

/** The smallest valid scenario: everything optional left out. */
export const MINIMAL = `
name: minimal
seed: 1
duration: 60s
network: { latency: 1ms }
services:
  api: { serviceTime: 10ms }
clients:
  load: { target: api, arrival: { process: poisson, rate: 10/s } }
`;
