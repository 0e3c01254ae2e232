/**
 * A member's state as one member sees it, and the packed number a view stores per entry.
 *
 * A view entry is (state, incarnation). Packing both into one number,
 * incarnation · 8 + state, lets a view be a Float64Array or a Map<number, number> with no
 * object per entry: at 10,000 members the views hold 10⁸ logical entries, so the bytes
 * per entry decide whether the run fits in memory. Incarnations up to 2³² − 1 (memberlist
 * uses uint32) pack to at most 2³⁵, exact in a double.
 */
export type MemberState = 'alive' | 'suspect' | 'dead' | 'left';

/** State codes in a packed entry. 0 means "not known to this member". */
export const stateUnknown = 0;
export const stateAlive = 1;
export const stateSuspect = 2;
export const stateDead = 3;
export const stateLeft = 4;

const names: readonly (MemberState | undefined)[] = [undefined, 'alive', 'suspect', 'dead', 'left'];

/** The packed entry for `state` (a code) at `incarnation` (integer >= 0). */
export function packEntry(state: number, incarnation: number): number {
  return incarnation * 8 + state;
}

/** State code of a packed entry. Bit ops below 2³¹ (every realistic incarnation): fmod is slower. */
export function entryState(packed: number): number {
  return packed < 0x80000000 ? packed & 7 : packed % 8;
}

/** Incarnation of a packed entry. */
export function entryIncarnation(packed: number): number {
  return Math.floor(packed / 8);
}

/** Name of a state code; undefined for `stateUnknown`. */
export function stateName(code: number): MemberState | undefined {
  return names[code];
}

/** Dead or left: memberlist's DeadOrLeft(). */
export function isDeadOrLeft(code: number): boolean {
  return code === stateDead || code === stateLeft;
}
