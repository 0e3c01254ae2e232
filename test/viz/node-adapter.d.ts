// comlink ships this adapter as .mjs with a .d.ts beside it, which TypeScript does not
// pair with the .mjs path; declare the one export used.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  import type { NodeEndpoint } from 'comlink/dist/umd/node-adapter';
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
