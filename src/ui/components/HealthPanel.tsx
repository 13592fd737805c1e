import { Box, Text } from 'ink';
import { formatAmount, formatCount, formatHealth } from '../../format.js';
import { fitId, ID_WIDTH } from '../helpers/log.js';
import { LIQUIDATION_LINE, countBar, healthBar, healthTone, type HealthSnapshot } from '../helpers/health.js';
import type { Theme } from '../theme.js';

export interface HealthPanelProps {
  readonly snapshot: HealthSnapshot;
  readonly price: number;
  readonly quote: string;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** How many nearest-liquidation bars fit in a panel of `height` rows beside the histogram. */
export const nearestRows = (height: number, bands: number) => Math.max(0, height - bands - 3);

/** "Nearest liquidation: HF at 1,575.06 USD", or "Nearest: HF at …" where that does not fit: the price kept whole. */
export function nearestTitle(price: string, width: number): string {
  const full = `Nearest liquidation: HF at ${price}`;
  return Array.from(full).length <= width ? full : `Nearest: HF at ${price}`;
}

/**
 * The histogram's rows in a panel of `height` rows, never more (Ink draws an overflowing row over the
 * next one): its title and every band when they fit, else the bands without the title, else the first
 * bands (the lowest health factors, those nearest liquidation).
 */
export function histogramRows<T>(
  bands: readonly T[],
  height: number,
): { title: boolean; bands: readonly T[] } {
  if (height > bands.length) return { title: true, bands };
  return { title: false, bands: bands.slice(0, Math.max(0, height)) };
}

/** The positions nearest liquidation as bars with the liquidation line, and every position by health band. */
export function HealthPanel({ snapshot, price, quote, width, height, theme }: HealthPanelProps) {
  const idWidth = ID_WIDTH + 3;
  // No room for a nearest-liquidation bar: the histogram alone, its title kept.
  const showNearest = nearestRows(height, snapshot.bands.length) > 0;
  const numberWidth = 6;
  const barWidth = Math.max(10, width - idWidth - numberWidth - 3);
  const largest = Math.max(0, ...snapshot.bands.map((b) => b.count));
  const labelWidth = 10;
  const countWidth = 8;
  const histogram = showNearest
    ? { title: true, bands: snapshot.bands }
    : histogramRows(snapshot.bands, height);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {showNearest ? (
        <>
          <Text bold wrap="truncate-end">
            {snapshot.nearest.length > 0
              ? nearestTitle(formatAmount(price, quote), width)
              : 'Nearest liquidation: none'}
          </Text>
          {snapshot.nearest.length === 0 ? (
            <Text color={theme.muted} wrap="truncate-end">
              {snapshot.open === 0 ? 'no position left open' : 'no open position with debt'}
            </Text>
          ) : null}
          {snapshot.nearest.slice(0, nearestRows(height, snapshot.bands.length)).map((p) => (
            <Text key={`${p.kind}-${p.index}`} wrap="truncate-end">
              {`${fitId(p.id, ID_WIDTH)} ${p.kind === 'loan' ? ' ' : p.kind === 'long' ? '↑' : '↓'} `}
              <Text color={theme[healthTone(p.healthFactor)]}>
                {formatHealth(p.healthFactor).padStart(numberWidth - 1)} {healthBar(p.healthFactor, barWidth)}
              </Text>
            </Text>
          ))}
          <Text color={theme.muted} wrap="truncate-end">
            {`${`HF ${LIQUIDATION_LINE} liquidation`.padEnd(idWidth + numberWidth)}${'0'.padEnd(Math.round(barWidth / 2))}${'1'.padEnd(barWidth - Math.round(barWidth / 2) - 1)}2`}
          </Text>
        </>
      ) : null}
      {histogram.title ? (
        <Text bold wrap="truncate-end">{`By health factor: ${formatCount(snapshot.open)} open`}</Text>
      ) : null}
      {histogram.bands.map((band) => (
        <Text key={band.label} wrap="truncate-end">
          {band.label.padEnd(labelWidth)}
          {formatCount(band.count).padStart(countWidth)}{' '}
          <Text color={theme[healthTone(band.from)]}>
            {countBar(band.count, largest, width - labelWidth - countWidth - 2)}
          </Text>
        </Text>
      ))}
    </Box>
  );
}
