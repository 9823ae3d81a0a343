// Back-of-the-envelope estimates for an on-demand video service. Change the inputs and run it again.
// Plain TypeScript: top-level code, no imports. Every printed number carries its unit.

function count(n: number): string {
  const units: Array<[number, string]> = [[1e12, ' trillion'], [1e9, ' billion'], [1e6, ' million'], [1e3, 'k']];
  for (const [size, name] of units) if (Math.abs(n) >= size) return `${(n / size).toFixed(1)}${name}`;
  return n.toFixed(0);
}

function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  while (Math.abs(n) >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n.toFixed(1)} ${units[i]}`;
}

function bitsPerSecond(n: number): string {
  const units = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s', 'Pbit/s'];
  let i = 0;
  while (Math.abs(n) >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n.toFixed(1)} ${units[i]}`;
}

const MB = 1_000_000;

// --- Inputs (from the clarifying questions; edit these) ---
const dailyActiveUsers = 100_000_000;
const shareWatchingAtPeak = 0.1;
const titles = 10_000;
const averageTitleMinutes = 90;
// Megabytes per minute of video at each quality.
const mbPerMinute: Record<string, number> = { '480p': 5, '720p': 10, '1080p': 20, '4K': 50 };
const typicalQuality = '1080p'; // what most viewers stream at peak
const sessionsPerUserPerDay = 1.5;
const minutesPerSession = 60;
const cdnCacheHitRatio = 0.95; // share of bytes served by the CDN rather than our origin

// --- Storage ---
const mbPerMinuteAllQualities = Object.values(mbPerMinute).reduce((sum, v) => sum + v, 0);
const bytesPerTitle = mbPerMinuteAllQualities * MB * averageTitleMinutes;
const catalogueBytes = bytesPerTitle * titles;

console.log(`one title, all qualities:  ${bytes(bytesPerTitle)}`);
console.log(`whole catalogue:           ${bytes(catalogueBytes)} (before replicas and CDN copies)`);

// --- Viewing ---
const viewingMinutesPerDay = dailyActiveUsers * sessionsPerUserPerDay * minutesPerSession;
const averageConcurrentViewers = viewingMinutesPerDay / (24 * 60);
const peakConcurrentViewers = dailyActiveUsers * shareWatchingAtPeak;

console.log(`viewing per day:           ${count(viewingMinutesPerDay)} minutes`);
console.log(`viewers at once, average:  ${count(averageConcurrentViewers)}`);
console.log(`viewers at once, peak:     ${count(peakConcurrentViewers)}`);

// --- Bandwidth ---
const bitsPerSecondPerViewer = (mbPerMinute[typicalQuality]! * MB * 8) / 60;
const peakEgress = peakConcurrentViewers * bitsPerSecondPerViewer;

console.log(`one ${typicalQuality} stream:          ${bitsPerSecond(bitsPerSecondPerViewer)}`);
console.log(`egress at peak:            ${bitsPerSecond(peakEgress)}`);
console.log(`  served by the CDN:       ${bitsPerSecond(peakEgress * cdnCacheHitRatio)}`);
console.log(`  served by our origin:    ${bitsPerSecond(peakEgress * (1 - cdnCacheHitRatio))}`);
console.log(`bytes delivered per day:   ${bytes((viewingMinutesPerDay * mbPerMinute[typicalQuality]! * MB))}`);
