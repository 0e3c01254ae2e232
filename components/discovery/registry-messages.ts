import type { Message } from '../../sim/env';
import type { DiscoveryEndpoint } from './discovery';

/**
 * Messages of the registry protocol. Agents send `registry.register` and then
 * `registry.heartbeat` (both create or refresh the registration, so a lost register or a
 * registry that forgot the instance heals with the next heartbeat) and
 * `registry.deregister` on a graceful stop. Watchers send `registry.poll` and get a
 * `registry.snapshot` back.
 */
export interface RegisterMessage extends Message {
  readonly type: 'registry.register' | 'registry.heartbeat';
  readonly service: string;
  readonly id: string;
  readonly weight?: number;
  /** TTL of the registration, ms (registry default when absent). */
  readonly ttlMs?: number;
}

export interface DeregisterMessage extends Message {
  readonly type: 'registry.deregister';
  readonly service: string;
  readonly id: string;
}

export interface PollMessage extends Message {
  readonly type: 'registry.poll';
  readonly service: string;
  /** Index of the watcher's current view (0 when it has none). */
  readonly index: number;
}

export interface SnapshotMessage extends Message {
  readonly type: 'registry.snapshot';
  readonly service: string;
  /** Increases on every change of the service's healthy endpoints. */
  readonly index: number;
  readonly endpoints: readonly DiscoveryEndpoint[];
}

export function isRegisterMessage(message: Message): message is RegisterMessage {
  return (
    (message.type === 'registry.register' || message.type === 'registry.heartbeat') &&
    typeof message.service === 'string' &&
    typeof message.id === 'string'
  );
}

export function isDeregisterMessage(message: Message): message is DeregisterMessage {
  return message.type === 'registry.deregister' && typeof message.service === 'string' && typeof message.id === 'string';
}

export function isPollMessage(message: Message): message is PollMessage {
  return message.type === 'registry.poll' && typeof message.service === 'string';
}

export function isSnapshotMessage(message: Message): message is SnapshotMessage {
  return (
    message.type === 'registry.snapshot' &&
    typeof message.service === 'string' &&
    typeof message.index === 'number' &&
    Array.isArray(message.endpoints)
  );
}
