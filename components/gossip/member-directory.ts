import type { Address } from '../../sim/env';
import { ComponentError } from '../errors';

/**
 * Interns member addresses as small integers, so that views, probe orders and state
 * snapshots can be typed arrays and integer-keyed maps instead of string-keyed objects.
 *
 * Indexes are only names: they say nothing about membership. A directory may be private to
 * one member (live mode) or shared by every member of a simulated cluster, which saves one
 * copy of the address table per member; either way an index never changes meaning once
 * assigned, and addresses are never removed. O(1) per lookup.
 */
export class MemberDirectory {
  private readonly addresses: Address[] = [];
  private readonly indexes = new Map<Address, number>();

  /** Number of interned addresses; valid indexes are 0 .. size − 1. */
  get size(): number {
    return this.addresses.length;
  }

  /** The index of `address`, interning it if new. */
  intern(address: Address): number {
    let index = this.indexes.get(address);
    if (index === undefined) {
      if (typeof address !== 'string' || address.length === 0) {
        throw new ComponentError(
          'argument.invalid-name',
          `gossip: member address must be a non-empty string, got ${JSON.stringify(address)}`,
        );
      }
      index = this.addresses.length;
      this.addresses.push(address);
      this.indexes.set(address, index);
    }
    return index;
  }

  /** The index of `address`, or -1 if it was never interned. */
  indexOf(address: Address): number {
    return this.indexes.get(address) ?? -1;
  }

  /** The address of `index` (which must be valid). */
  address(index: number): Address {
    const address = this.addresses[index];
    if (address === undefined) throw new ComponentError('argument.out-of-range', `gossip: no member with directory index ${index}`);
    return address;
  }
}
