import type { Address } from '../../sim/env';

/**
 * Modelled encoded sizes in bytes, after memberlist's wire format: one type byte, then a
 * msgpack map whose keys are the Go field names. Fixed parts are counted from the structs
 * in memberlist net.go (IPv4 addresses, small integers); names add their length. With
 * member names of 12 characters an alive is 72 B, a suspect 56 B and a ping 84 B, so a
 * 1,400 B datagram carries about 20 piggybacked updates.
 *
 * These feed the bandwidth model and the size limit; nothing is actually encoded.
 */
export const wireSize = Object.freeze({
  /** compoundHeaderOverhead: type byte + part count. */
  compoundHeader: 2,
  /** compoundOverhead: a 2-byte length per part of a compound message. */
  compoundPart: 2,
  /** ping {SeqNo, Node, SourceAddr, SourcePort, SourceNode}. */
  ping: (target: Address, from: Address) => 60 + target.length + from.length,
  /** ackResp {SeqNo, Payload}. */
  ack: 22,
  /** indirectPingReq {SeqNo, Target, Port, Node, Nack, SourceAddr, SourcePort, SourceNode}. */
  pingReq: (target: Address, from: Address) => 90 + target.length + from.length,
  /** alive {Incarnation, Node, Addr, Port, Meta, Vsn}. */
  alive: (node: Address) => 60 + node.length,
  /** suspect or dead {Incarnation, Node, From}. */
  suspectOrDead: (node: Address, from: Address) => 32 + node.length + from.length,
  /** serf messageUserEvent {LTime, Name, Payload, CC}. */
  userEvent: (name: string, payloadBytes: number) => 30 + name.length + payloadBytes,
  /** pushPullHeader {Nodes, UserStateLen, Join} plus the type byte. */
  pushPullHeader: 40,
  /** pushNodeState {Name, Addr, Port, Meta, Incarnation, State, Vsn} per known member. */
  pushPullEntry: (node: Address) => 60 + node.length,
  /** A rumour exchange in the plain modes: type byte + count. */
  rumourHeader: 4,
});
