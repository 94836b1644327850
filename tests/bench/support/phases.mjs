// Where an edit's time goes in the browser: runs one timed action under a Chromium trace and sums
// the main thread's work from the action to its frame by phase (script, style and layout, paint,
// layerize, idle callbacks that ran in between). The trace slows the harness between actions, so
// the figures explain a kind's time; the timings to compare stay those taken without it.

const PHASES = {
  script: ['EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame'],
  style_layout: ['UpdateLayoutTree', 'Layout', 'PrePaint'],
  paint: ['Paint'],
  layerize: ['Layerize'],
  idle_callbacks: ['FireIdleCallback'],
};
const PHASE_OF = new Map(Object.entries(PHASES).flatMap(([phase, names]) => names.map((name) => [name, phase])));
export const PHASE_NAMES = Object.keys(PHASES);

/** Runs `act` (resolving to the action's milliseconds) under a trace; resolves to { ms, phase: ms... }. */
export async function tracePhases(cdp, page, act) {
  const events = [];
  const collect = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  await page.evaluate(() => performance.mark('relvar-action'));
  const ms = await act();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  const mark = events.find((event) => event.name === 'relvar-action');
  const sums = Object.fromEntries(PHASE_NAMES.map((phase) => [phase, 0]));
  if (mark === undefined) return { ms, ...sums };
  const [start, end] = [mark.ts, mark.ts + ms * 1000 + 5000];
  // Nested events (an idle callback's function call) count once, in the outermost phase.
  const outer = events
    .filter((event) => event.ph === 'X' && event.dur && PHASE_OF.has(event.name) && event.pid === mark.pid && event.tid === mark.tid)
    .filter((event) => event.ts >= start && event.ts <= end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let reach = 0;
  for (const event of outer) {
    if (event.ts + event.dur <= reach) continue;
    reach = event.ts + event.dur;
    sums[PHASE_OF.get(event.name)] += event.dur / 1000;
  }
  return { ms, ...sums };
}
