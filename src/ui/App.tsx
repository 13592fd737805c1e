import { Box, Text, useApp } from 'ink';
import { useCallback, useEffect, useReducer } from 'react';
import { userWriteDir, type LoadResult } from '../presets/index.js';
import { Dashboard } from './components/Dashboard.js';
import { Footer, footerRows } from './components/Footer.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { ParamPanel } from './components/ParamPanel.js';
import { Picker } from './components/Picker.js';
import { TooSmall } from './components/TooSmall.js';
import { screenOf } from './help.js';
import { prefetchHealth, prepareHealthIndex } from './helpers/health-index.js';
import { prefetchLog } from './helpers/log.js';
import { MIN_COLUMNS, MIN_ROWS, tooSmall } from './helpers/layout.js';
import { useAutoplay } from './hooks/useAutoplay.js';
import { useKeys } from './hooks/useKeys.js';
import { useSweep } from './hooks/useSweep.js';
import { writeVariant } from './state/write-variant.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { AUTOPLAY_SPEEDS_MS, MESSAGE_MS, reducer, type AppState } from './state/reducer.js';
import { openSession } from './state/session.js';
import type { Theme } from './theme.js';

export interface AppProps {
  readonly initial: AppState;
  readonly loadPreset: (id: string) => LoadResult;
  readonly theme: Theme;
}

/** Picks the view for the mode; all state lives in one reducer. */
export function App({ initial, loadPreset, theme }: AppProps) {
  const [state, dispatch] = useReducer(reducer, initial);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const hidden = tooSmall(columns, rows);

  useKeys((key) => dispatch({ type: 'key', key, hidden, screen: { columns, rows } }));
  useSweep(state.sweep, dispatch);
  const tick = useCallback(() => dispatch({ type: 'tick', hidden }), [hidden]);
  const speedMs = AUTOPLAY_SPEEDS_MS[state.speedIndex]!;
  const onListRows = useCallback((rows: number) => dispatch({ type: 'pickerRows', rows }), []);
  const onPaneExtent = useCallback(
    (extent: { lines?: number; rows?: number; columns?: number }) =>
      dispatch({ type: 'paneExtent', ...extent }),
    [],
  );
  useAutoplay(state.autoplay, speedMs, tick);
  useEffect(() => {
    if (state.quitting) exit();
  }, [state.quitting, exit]);
  // A status message goes after MESSAGE_MS (or three keys: the reducer counts them).
  const { message, messageSerial } = state;
  useEffect(() => {
    if (message === undefined) return;
    const timer = setTimeout(() => dispatch({ type: 'expire', serial: messageSerial }), MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [message, messageSerial]);
  // Compute the next round, its health panel and its log's ranking while the user reads this one, so that
  // the step key only has to draw it; the first pause also builds the panel's index, so that no step reads
  // the whole book.
  // When that ends the run (a round left the model's range), draw again: the header says so at once.
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const timeline = state.session?.timeline;
    if (!timeline || state.mode !== 'dashboard') return;
    const timer = setTimeout(() => {
      const failed = timeline.failure;
      timeline.reach(state.round + 1);
      if (timeline.failure !== failed) redraw();
      prepareHealthIndex(timeline);
      prefetchHealth(timeline, state.round + 1);
      prefetchLog(timeline, state.round + 1);
    }, 0);
    return () => clearTimeout(timer);
  }, [state.session, state.round, state.mode]);

  // File work the reducer asked for: open the chosen preset, write the variant.
  useEffect(() => {
    const id = state.pendingOpen;
    if (id === undefined) return;
    const loaded = loadPreset(id);
    if (loaded.ok) dispatch({ type: 'open', session: openSession(loaded) });
    else
      dispatch({
        type: 'openFailed',
        message:
          `${id}: ${loaded.problems
            .slice(0, 3)
            .map((p) => `${p.path} ${p.message}`)
            .join('; ')}` +
          (loaded.problems.length > 3 ? `; and ${loaded.problems.length - 3} more problems` : ''),
      });
  }, [state.pendingOpen, loadPreset]);
  useEffect(() => {
    if (!state.pendingWrite || !state.variant || !state.session) return;
    dispatch({ type: 'written', ...writeVariant(state.session, state.variant, userWriteDir()) });
  }, [state.pendingWrite, state.variant, state.session]);

  // One row shorter than the terminal: a frame as tall as the terminal makes Ink clear the screen every frame.
  const height = rows - 1;
  const screen = screenOf(state);
  if (hidden && !state.help) return <TooSmall columns={columns} rows={rows} />;
  if (hidden)
    // The help still opens in a terminal too small for the app: its keys, in what room there is.
    return (
      <Box flexDirection="column" width={columns} height={height}>
        <Text
          bold
          wrap="truncate-end"
        >{`terminal ${columns}×${rows}: the app needs ${MIN_COLUMNS}×${MIN_ROWS}`}</Text>
        <HelpOverlay
          screen={screen}
          columns={columns}
          rows={rows - 1}
          scroll={state.helpScroll}
          theme={theme}
        />
      </Box>
    );
  // The picker shows its message itself; elsewhere the footer gives it a line, taken from the screen above.
  const footerMessage = screen === 'picker' ? undefined : state.message;
  const statusRows = footerRows(footerMessage) - 1;
  return (
    <Box flexDirection="column" width={columns} height={height}>
      {state.help ? (
        <Box flexGrow={1} justifyContent="center" alignItems="center">
          <HelpOverlay
            screen={screen}
            columns={columns}
            rows={rows - statusRows}
            scroll={state.helpScroll}
            theme={theme}
          />
        </Box>
      ) : state.mode === 'dashboard' && state.session ? (
        <Box flexGrow={1}>
          {state.panel ? (
            <Box flexGrow={1} justifyContent="center" alignItems="center">
              <ParamPanel
                panel={state.panel}
                width={columns}
                height={height - footerRows(footerMessage)}
                theme={theme}
              />
            </Box>
          ) : (
            <Dashboard
              session={state.session}
              variant={state.variant}
              sweep={state.sweep}
              round={state.round}
              seen={state.seen}
              zoom={state.zoom}
              logScale={state.logScale}
              showRecord={state.record}
              paneFocus={state.paneFocus}
              paneCursor={state.paneCursor}
              paneOffset={state.paneOffset}
              onPaneExtent={onPaneExtent}
              columns={columns}
              rows={rows - statusRows}
              theme={theme}
            />
          )}
        </Box>
      ) : (
        <Box flexGrow={1}>
          <Picker
            entries={state.entries}
            highlighted={state.highlighted}
            filter={state.filter}
            offset={state.pickerOffset}
            onListRows={onListRows}
            width={columns}
            message={state.message}
            height={height - 1}
            theme={theme}
          />
        </Box>
      )}
      <Footer
        screen={state.help ? 'help' : screen}
        width={columns}
        autoplay={state.autoplay}
        speedMs={speedMs}
        message={footerMessage}
        variant={state.variant !== undefined}
        history={state.session?.preset.record !== undefined}
        typing={state.panel !== undefined && state.panel.typing !== ''}
        confirm={state.panel?.confirm !== undefined}
        filtering={state.filter !== undefined}
        paneFocus={state.paneFocus}
        theme={theme}
      />
    </Box>
  );
}
