import type { FidelityCase } from '../fidelity-case';
import { balancingCases } from './balancing';
import { gossipCases } from './gossip';
import { hashingCases } from './hashing';
import { planningCases } from './planning';
import { queueingCases } from './queueing';
import { storageCases } from './storage';

/** Every validation case, by area, in report order. */
export const fidelityCases: readonly FidelityCase[] = [
  ...queueingCases, ...balancingCases, ...hashingCases, ...storageCases, ...gossipCases, ...planningCases,
];
