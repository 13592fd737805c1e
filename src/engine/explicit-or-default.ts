/**
 * A number every position has, the explicit positions each their own and every other position (generated,
 * or the attacker's) the preset's default: the lending book's liquidation threshold, a perpetual's
 * maintenance. Held once, not in an array of a million equal values (issue 15: 8 MB written and paged in
 * for every run of a million positions). The model reads `of(i)`; `array` makes the whole array when
 * first asked for (the dashboard's health, tests).
 */
export class ExplicitOrDefault {
  private whole?: Float64Array;

  /** `explicit[i]` for the first explicit.length positions, `fallback` for the rest of the `count`. */
  constructor(
    readonly explicit: Float64Array,
    readonly fallback: number,
    private readonly count: number,
  ) {}

  /** Position i's value. */
  of(i: number): number {
    return i < this.explicit.length ? this.explicit[i]! : this.fallback;
  }

  /** Every position's value (made on the first call; never to be written). */
  get array(): Float64Array {
    if (!this.whole) {
      this.whole = new Float64Array(this.count).fill(this.fallback);
      this.whole.set(this.explicit);
    }
    return this.whole;
  }
}
