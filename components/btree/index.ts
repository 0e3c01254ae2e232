export { BPlusTree } from './b-plus-tree';
export {
  bPlusTreeDefaults,
  orderMax,
  orderMin,
  type BPlusTreeOptions,
} from './b-plus-tree-options';
export { defaultCompare, type DefaultKey } from './default-compare';
export type { Compare } from './node-search';
export type { LevelShape, NodeOutline, TreeShape } from './tree-shape';
export { WriteBuffer } from './write-buffer';
export { capacityMax, capacityMin, writeBufferDefaults, type WriteBufferOptions } from './write-buffer-options';
