"""A vectorised numpy peer of liqloop's base lending round contract (README, "The model"), for the bench.

    python3 bench/peers/lending_numpy.py PRESET.json

Reads a bench preset of the base model (a generated book, a constant-product pool without fee or
recovery, a spot oracle, full liquidation) and runs the same round contract: round 1 moves the pool to
p0 (1 - pct) along its curve; each round the oracle reads the pool's start price P, every open position
with HF = collateral P LT / debt < 1 is liquidated once at P (repaid = min(debt, collateral P / (1 +
bonus)), seized = repaid (1 + bonus) / P, bad debt when the collateral cannot cover the debt), and the
round's seizures are sold into the pool as one batch; the run stops after the first round with no
liquidation.

Vectorised: the book is drawn with numpy (same distributions, another generator, so not the same draws),
the liquidation prices debt / (collateral LT) are sorted once, and since a full liquidation closes its
position, the positions liquidated by the end of a round are always those above one crossing point of
that order: each round finds its crossing with searchsorted and sums its seizures with cumulative sums.
Prints one JSON line: the summary figures liqloop's `run --json` prints for the same preset, and the
process's CPU time.
"""

import json
import math
import sys
import time

import numpy as np


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        preset = json.load(f)
    gen = preset["generate"]
    p0 = preset["asset"]["price"]
    lt = preset["liquidation"]["threshold"]
    bonus = preset["liquidation"]["bonus"]
    pct = preset["shock"]["pct"]
    depth = preset["market"]["depth2pct"]
    max_rounds = preset.get("rounds", 100)
    assert preset["market"]["model"] == "constant-product" and preset["oracle"]["model"] == "spot"
    assert preset["liquidation"]["mechanism"] == "full"

    n = gen["count"]
    rng = np.random.default_rng(gen["seed"])
    c_lo, c_hi = gen["collateral"]["min"], gen["collateral"]["max"]
    h_lo, h_hi = gen["healthFactor"]["min"], gen["healthFactor"]["max"]
    collateral = c_lo + (c_hi - c_lo) * rng.random(n)
    health = h_lo + (h_hi - h_lo) * rng.random(n)
    debt = collateral * p0 * lt / health

    # Liquidation prices, highest first, with the book in that order and its running sums.
    key = debt / (collateral * lt)
    order = np.argsort(-key, kind="stable")
    key_desc = key[order]
    neg_key = -key_desc  # ascending, for searchsorted
    cum_debt = np.concatenate(([0.0], np.cumsum(debt[order])))
    cum_coll = np.concatenate(([0.0], np.cumsum(collateral[order])))

    # The pool: x0 = depth2pct / (p0 (1/sqrt(0.98) - 1)), y0 = p0 x0; the shock moves it along x y = k.
    x = depth / (p0 * (1 / math.sqrt(0.98) - 1))
    k = x * (p0 * x)
    x = math.sqrt(k / (p0 * (1 - pct)))
    price = k / x / x

    done = 0  # positions order[0 .. done) are liquidated (closed)
    rounds = 0
    bad_debt = 0.0
    collateral_sold = 0.0
    min_price = price
    converged = False
    while rounds < max_rounds:
        rounds += 1
        oracle = price  # spot: the start-of-round price (no recovery)
        # Liquidatable: key > P, i.e. the first `crossing` positions of the order.
        crossing = int(np.searchsorted(neg_key, -oracle, side="left"))
        if crossing <= done:
            converged = True
            break
        # Under water beyond its bonus (collateral P / (1 + bonus) < debt): key > P / ((1 + bonus) LT).
        bad_end = int(np.searchsorted(neg_key, -oracle / ((1 + bonus) * lt), side="left"))
        bad_end = min(max(bad_end, done), crossing)
        bad_coll = cum_coll[bad_end] - cum_coll[done]
        bad_debt += (cum_debt[bad_end] - cum_debt[done]) - bad_coll * oracle / (1 + bonus)
        good_debt = cum_debt[crossing] - cum_debt[bad_end]
        seized = bad_coll + good_debt * (1 + bonus) / oracle
        collateral_sold += seized
        done = crossing
        x += seized
        price = k / x / x
        min_price = min(min_price, price)
    usage = time.process_time()
    print(
        json.dumps(
            {
                "positions": n,
                "positionsLiquidated": done,
                "rounds": rounds,
                "converged": converged,
                "finalPrice": price,
                "minPrice": min_price,
                "collateralSold": collateral_sold,
                "badDebt": bad_debt,
                "cpuMs": usage * 1000,
            }
        )
    )


if __name__ == "__main__":
    main()
