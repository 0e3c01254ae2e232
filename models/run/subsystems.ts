// The registry: every subsystem a World may contain, in the order their hooks run and their
// result fields appear. The one file of the run pipeline that names them (models/subsystem).
import { discoverySubsystem } from '../discovery/discovery-subsystem';
import { gossipSubsystem } from '../gossip/gossip-subsystem';
import { kvSubsystem } from '../kv/kv-subsystem';
import type { Subsystem } from '../subsystem/subsystem';

export const SUBSYSTEMS: readonly Subsystem[] = [kvSubsystem, gossipSubsystem, discoverySubsystem];
