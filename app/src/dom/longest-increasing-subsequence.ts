/**
 * Positions (indices into `sequence`) of one longest strictly increasing subsequence, ignoring entries < 0.
 * The keyed diff leaves those nodes where they are and moves only the others. O(n log n).
 */
export function longestIncreasingSubsequence(sequence: readonly number[]): Set<number> {
  /** tails[k]: index in `sequence` of the smallest tail of an increasing run of length k + 1. */
  const tails: number[] = [];
  const previous = new Array<number>(sequence.length).fill(-1);
  for (let i = 0; i < sequence.length; i++) {
    const value = sequence[i]!;
    if (value < 0) continue;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sequence[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  }
  const result = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) result.add(i);
  return result;
}
