// Back-of-the-envelope estimates for an on-demand video service. Fill in each input, from the
// interviewer's answers or an assumption you say out loud, then run it. Plain TypeScript, no imports.

interface Inputs {
  dailyActiveUsers: number;
  /** Fraction of daily users watching at the same moment at peak. */
  shareWatchingAtPeak: number;
  titles: number;
  averageTitleMinutes: number;
  /** Megabytes per minute of video, summed over every quality you store. */
  mbPerMinuteAllQualities: number;
  /** Megabytes per minute of the quality most viewers stream at peak. */
  mbPerMinuteTypical: number;
  sessionsPerUserPerDay: number;
  minutesPerSession: number;
  /** Share of bytes the CDN serves rather than our origin. */
  cdnCacheHitRatio: number;
}

const inputs: { [K in keyof Inputs]: Inputs[K] | null } = {
  dailyActiveUsers: null,
  shareWatchingAtPeak: null,
  titles: null,
  averageTitleMinutes: null,
  mbPerMinuteAllQualities: null,
  mbPerMinuteTypical: null,
  sessionsPerUserPerDay: null,
  minutesPerSession: null,
  cdnCacheHitRatio: null,
};

const MB = 1e6;
const MINUTES_PER_DAY = 24 * 60;

function count(n: number): string {
  const units: Array<[number, string]> = [[1e12, ' trillion'], [1e9, ' billion'], [1e6, ' million'], [1e3, 'k']];
  for (const [size, name] of units) if (Math.abs(n) >= size) return `${(n / size).toFixed(1)}${name}`;
  return n.toFixed(0);
}

function scaled(n: number, units: readonly string[]): string {
  let i = 0;
  while (Math.abs(n) >= 1e3 && i < units.length - 1) {
    n /= 1e3;
    i++;
  }
  return `${n.toFixed(1)} ${units[i]}`;
}

const bytes = (n: number) => scaled(n, ['B', 'KB', 'MB', 'GB', 'TB', 'PB']);
const bitsPerSecond = (n: number) => scaled(n, ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s', 'Pbit/s']);

function estimate(v: Inputs): void {
  const bytesPerTitle = v.mbPerMinuteAllQualities * MB * v.averageTitleMinutes;
  console.log(`one title, all qualities:  ${bytes(bytesPerTitle)}`);
  console.log(`whole catalogue:           ${bytes(bytesPerTitle * v.titles)} (before replicas and CDN copies)`);

  const viewingMinutesPerDay = v.dailyActiveUsers * v.sessionsPerUserPerDay * v.minutesPerSession;
  const peakViewers = v.dailyActiveUsers * v.shareWatchingAtPeak;
  console.log(`viewing per day:           ${count(viewingMinutesPerDay)} minutes`);
  console.log(`viewers at once, average:  ${count(viewingMinutesPerDay / MINUTES_PER_DAY)}`);
  console.log(`viewers at once, peak:     ${count(peakViewers)}`);

  const perViewer = (v.mbPerMinuteTypical * MB * 8) / 60;
  const peakEgress = peakViewers * perViewer;
  console.log(`one typical stream:        ${bitsPerSecond(perViewer)}`);
  console.log(`egress at peak:            ${bitsPerSecond(peakEgress)}`);
  console.log(`  served by the CDN:       ${bitsPerSecond(peakEgress * v.cdnCacheHitRatio)}`);
  console.log(`  served by our origin:    ${bitsPerSecond(peakEgress * (1 - v.cdnCacheHitRatio))}`);
}

const names = Object.keys(inputs) as (keyof Inputs)[];
const empty = names.filter((name) => inputs[name] === null);
if (empty.length > 0) console.log(`${names.length - empty.length} of ${names.length} inputs filled in; still empty: ${empty.join(', ')}`);
else estimate(inputs as Inputs);
