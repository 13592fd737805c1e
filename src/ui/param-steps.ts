/** How a what-if lever steps and prints its value: shared by the levers of every part of a preset. */
import { formatCount, formatNumber, formatPct } from '../format.js';

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
export const round = (v: number, digits = 10) => Number(v.toFixed(digits));
export const additive = (delta: number, lo: number, hi: number) => (v: number | undefined, dir: 1 | -1) =>
  round(clamp((v ?? lo) + dir * delta, lo, hi));
export const multiplicative = (factor: number) => (v: number | undefined, dir: 1 | -1) =>
  round(dir > 0 ? (v ?? 1) * factor : (v ?? 1) / factor, 6);
/** An optional lever: stepping down from its lowest value turns it off, stepping up from off turns it on. */
export const optional =
  (on: number, step: (v: number | undefined, dir: 1 | -1) => number | undefined, lowest: number) =>
  (v: number | undefined, dir: 1 | -1) => {
    if (v === undefined) return dir > 0 ? on : undefined;
    if (dir < 0 && v <= lowest) return undefined;
    return step(v, dir);
  };
export const pct = (v: unknown) => (typeof v === 'number' ? formatPct(v) : 'off');
export const num = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : 'off');
/** A whole number of rounds: 5, not 5.00. */
export const count = (v: unknown) => (typeof v === 'number' ? formatCount(v) : 'off');
export const text = (v: unknown) => (v === undefined ? 'off' : String(v));
