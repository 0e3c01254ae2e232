/**
 * The reference model for model-based tests: a sorted array of entries with linear-time
 * writes. Too simple to be wrong, and independent of the tree's code (it uses its own
 * binary search over numbers only).
 */
export class SortedArrayModel {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  private indexOf(key: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(key: number): number | undefined {
    const i = this.indexOf(key);
    return this.keys[i] === key ? this.values[i] : undefined;
  }

  has(key: number): boolean {
    return this.keys[this.indexOf(key)] === key;
  }

  set(key: number, value: number): void {
    const i = this.indexOf(key);
    if (this.keys[i] === key) {
      this.values[i] = value;
      return;
    }
    this.keys.splice(i, 0, key);
    this.values.splice(i, 0, value);
  }

  delete(key: number): boolean {
    const i = this.indexOf(key);
    if (this.keys[i] !== key) return false;
    this.keys.splice(i, 1);
    this.values.splice(i, 1);
    return true;
  }

  /**
   * Set every key of the ascending `keys` to `value` by one linear merge, so that batches
   * of thousands of keys do not cost a splice each.
   */
  setMany(keys: readonly number[], value: number): void {
    const mergedKeys: number[] = [];
    const mergedValues: number[] = [];
    let i = 0;
    let j = 0;
    while (i < this.keys.length || j < keys.length) {
      // Each read below is guarded: i < this.keys.length where keys[i] is read, j < keys.length where keys[j] is.
      if (j === keys.length || (i < this.keys.length && this.keys[i]! < keys[j]!)) {
        mergedKeys.push(this.keys[i]!);
        mergedValues.push(this.values[i++]!);
        continue;
      }
      if (i < this.keys.length && this.keys[i] === keys[j]) i++;
      mergedKeys.push(keys[j++]!);
      mergedValues.push(value);
    }
    this.replace(mergedKeys, mergedValues);
  }

  /** Delete every key in `keys` by one linear pass; returns how many were present. */
  deleteMany(keys: ReadonlySet<number>): number {
    const keptKeys: number[] = [];
    const keptValues: number[] = [];
    this.keys.forEach((key, i) => {
      if (keys.has(key)) return;
      keptKeys.push(key);
      keptValues.push(this.values[i]!);
    });
    const deleted = this.keys.length - keptKeys.length;
    this.replace(keptKeys, keptValues);
    return deleted;
  }

  private replace(keys: number[], values: number[]): void {
    this.keys.length = 0;
    this.values.length = 0;
    for (let i = 0; i < keys.length; i++) {
      this.keys.push(keys[i]!);
      this.values.push(values[i]!);
    }
  }

  range(lo?: number, hi?: number): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i]!;
      if ((lo === undefined || key >= lo) && (hi === undefined || key < hi)) out.push([key, this.values[i]!]);
    }
    return out;
  }

  /** Describe the first difference between `entries` and the whole model, or return null. */
  firstDifference(entries: Iterable<[number, number]>): string | null {
    let i = 0;
    for (const [key, value] of entries) {
      if (i >= this.keys.length) return `extra entry [${key}, ${value}] at index ${i}`;
      if (key !== this.keys[i] || value !== this.values[i]) {
        return `entry ${i} is [${key}, ${value}], model [${this.keys[i]}, ${this.values[i]}]`;
      }
      i++;
    }
    return i === this.keys.length ? null : `missing entries from index ${i}: model has ${this.keys.length}`;
  }
}
