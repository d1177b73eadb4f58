/**
 * The degrees a node table keeps (kuzu-degrees.ts), added up by offset, so that a range of source
 * nodes can be cut where its relationships could pass a number of rows: a node's degree counts
 * every relationship touching it, of any type, so the sum over a range bounds the relationships of
 * any one type leaving it. What keeps an export page of relationships bounded when the table's
 * density jumps: sized from the range before it alone, a page of a 1M-node export read 159,000
 * rows, and the next one filled the export's 128 MB buffer pool (bench/read-scaling.ts).
 */
export class DegreeSums {
  /** `sums[i]`: the degrees of the nodes at offsets below i added up. */
  private readonly sums: Float64Array;

  constructor(last: number) {
    this.sums = new Float64Array(last + 2);
  }

  /** Called for each offset once, in any order, before `done`. */
  set(offset: number, degree: number): void {
    this.sums[offset + 1] = Number.isFinite(degree) && degree > 0 ? degree : 0;
  }

  /** Every degree set: turns them into running sums. */
  done(): this {
    for (let i = 1; i < this.sums.length; i++) this.sums[i] += this.sums[i - 1];
    return this;
  }

  /**
   * Where a range starting at `first` stops: at `stop` if the nodes before it have at most
   * `maxDegrees` relationships in all, else as far as they do, and never before `first + 1` (one
   * node's relationships, however many, make a page).
   */
  stopWithin(first: number, stop: number, maxDegrees: number): number {
    const end = Math.min(stop, this.sums.length - 1);
    const limit = this.sums[first] + maxDegrees;
    if (this.sums[end] <= limit) return stop;
    let [low, high] = [first + 1, end];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.sums[middle] <= limit) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
