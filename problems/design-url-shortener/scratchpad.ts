// Back-of-the-envelope estimates for a URL shortener. Change the inputs and run it again.
// Plain TypeScript: top-level code, no imports. Every printed number carries its unit.

const SECONDS_PER_DAY = 24 * 60 * 60;

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

// --- Inputs (from the clarifying questions; edit these) ---
const newLinksPerDay = 500_000_000;
const redirectsPerDay = 50_000_000_000;
const averageLongUrlBytes = 100;
const metadataBytesPerLink = 50; // code, owner, created/expiry dates, click count
const retentionYears = 5;
const alphabetSize = 62; // a-z, A-Z, 0-9
const codeLength = 7;
const peakToAverage = 2;
const hotShareOfLinks = 0.2; // share of a day's links worth keeping in cache

// --- Traffic ---
const writesPerSecond = newLinksPerDay / SECONDS_PER_DAY;
const readsPerSecond = redirectsPerDay / SECONDS_PER_DAY;

console.log(`writes, average:          ${count(writesPerSecond)} links/s (peak ${count(writesPerSecond * peakToAverage)}/s)`);
console.log(`redirects, average:       ${count(readsPerSecond)} redirects/s (peak ${count(readsPerSecond * peakToAverage)}/s)`);
console.log(`read:write ratio:         ${(redirectsPerDay / newLinksPerDay).toFixed(0)}:1`);

// --- Storage ---
const bytesPerLink = averageLongUrlBytes + metadataBytesPerLink;
const linksOverRetention = newLinksPerDay * 365 * retentionYears;
const storagePerDay = newLinksPerDay * bytesPerLink;

console.log(`new data per day:         ${bytes(storagePerDay)}`);
console.log(`links over ${retentionYears} years:       ${count(linksOverRetention)} links`);
console.log(`storage over ${retentionYears} years:     ${bytes(linksOverRetention * bytesPerLink)} (before replication)`);

// --- Code space ---
const possibleCodes = alphabetSize ** codeLength;
const shareUsed = linksOverRetention / possibleCodes;

console.log(`possible ${codeLength}-char codes:    ${count(possibleCodes)} codes`);
console.log(`share used after ${retentionYears} years: ${(shareUsed * 100).toFixed(1)} %`);

// --- Cache ---
const cacheBytes = newLinksPerDay * hotShareOfLinks * bytesPerLink;
console.log(`cache for hot links:      ${bytes(cacheBytes)} of memory`);
