/**
 * Each liquidation of a round, as what it seized and what it repaid, so that its profit can be read once
 * the round's sale has priced the seizures. Typed arrays grown by doubling and reused every round: the
 * hot loop writes two doubles per liquidation and allocates nothing.
 */
export class LiquidatorLedger {
  private seized = new Float64Array(64);
  private repaid = new Float64Array(64);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  add(seized: number, repaid: number): void {
    if (this.length === this.seized.length) this.grow();
    this.seized[this.length] = seized;
    this.repaid[this.length] = repaid;
    this.length++;
  }

  /** How many of the round's liquidations lost money: seized · unitPrice − repaid − gasCost < 0. */
  unprofitable(unitPrice: number, gasCost: number): number {
    let count = 0;
    for (let i = 0; i < this.length; i++)
      if (this.seized[i]! * unitPrice - this.repaid[i]! - gasCost < 0) count++;
    return count;
  }

  private grow(): void {
    const seized = new Float64Array(this.seized.length * 2);
    const repaid = new Float64Array(this.repaid.length * 2);
    seized.set(this.seized);
    repaid.set(this.repaid);
    this.seized = seized;
    this.repaid = repaid;
  }
}
