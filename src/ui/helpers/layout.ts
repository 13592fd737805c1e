/** The smallest terminal the dashboard lays itself out in. */
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface DashboardLayout {
  readonly columns: number;
  /** Rows the frame uses: one fewer than the terminal, or Ink clears the whole screen every frame. */
  readonly rows: number;
  readonly header: number;
  readonly footer: number;
  readonly middle: number;
  readonly chartWidth: number;
  readonly healthWidth: number;
  readonly log: number;
}

export function tooSmall(columns: number, rows: number): boolean {
  return columns < MIN_COLUMNS || rows < MIN_ROWS;
}

/** Splits the terminal: header, chart beside health, log, footer. */
export function dashboardLayout(columns: number, terminalRows: number, extraHeader = 0): DashboardLayout {
  const rows = terminalRows - 1;
  const header = 4 + extraHeader;
  const footer = 1;
  const log = Math.max(5, Math.floor((rows - header - footer) * 0.3));
  const middle = rows - header - footer - log;
  const healthWidth = Math.max(36, Math.floor(columns * 0.4));
  return { columns, rows, header, footer, middle, chartWidth: columns - healthWidth - 1, healthWidth, log };
}
