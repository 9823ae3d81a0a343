// Back-of-the-envelope estimates for a URL shortener. Fill in each input, from the interviewer's answers
// or an assumption you say out loud, then run it. Plain TypeScript: top-level code, no imports.

interface Inputs {
  newLinksPerDay: number;
  redirectsPerDay: number;
  retentionYears: number;
  /** Characters a code may use (letters in both cases and digits, for example). */
  alphabetSize: number;
  codeLength: number;
  averageLongUrlBytes: number;
  /** Code, owner, dates and click count stored with each link. */
  metadataBytesPerLink: number;
  /** Busiest second against the average second. */
  peakToAverage: number;
  /** Share of a day's new links worth keeping in the cache. */
  hotShareOfLinks: number;
}

const inputs: { [K in keyof Inputs]: Inputs[K] | null } = {
  newLinksPerDay: null,
  redirectsPerDay: null,
  retentionYears: null,
  alphabetSize: null,
  codeLength: null,
  averageLongUrlBytes: null,
  metadataBytesPerLink: null,
  peakToAverage: null,
  hotShareOfLinks: null,
};

const SECONDS_PER_DAY = 24 * 60 * 60;
const DAYS_PER_YEAR = 365;

function count(n: number): string {
  const units: Array<[number, string]> = [[1e12, ' trillion'], [1e9, ' billion'], [1e6, ' million'], [1e3, 'k']];
  for (const [size, name] of units) if (Math.abs(n) >= size) return `${(n / size).toFixed(1)}${name}`;
  return n.toFixed(0);
}

function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  while (Math.abs(n) >= 1e3 && i < units.length - 1) {
    n /= 1e3;
    i++;
  }
  return `${n.toFixed(1)} ${units[i]}`;
}

function estimate(v: Inputs): void {
  const writesPerSecond = v.newLinksPerDay / SECONDS_PER_DAY;
  const readsPerSecond = v.redirectsPerDay / SECONDS_PER_DAY;
  console.log(`writes, average:          ${count(writesPerSecond)} links/s (peak ${count(writesPerSecond * v.peakToAverage)}/s)`);
  console.log(`redirects, average:       ${count(readsPerSecond)} redirects/s (peak ${count(readsPerSecond * v.peakToAverage)}/s)`);
  console.log(`read:write ratio:         ${(v.redirectsPerDay / v.newLinksPerDay).toFixed(0)}:1`);

  const bytesPerLink = v.averageLongUrlBytes + v.metadataBytesPerLink;
  const linksOverRetention = v.newLinksPerDay * DAYS_PER_YEAR * v.retentionYears;
  console.log(`new data per day:         ${bytes(v.newLinksPerDay * bytesPerLink)}`);
  console.log(`links over retention:     ${count(linksOverRetention)} links`);
  console.log(`storage over retention:   ${bytes(linksOverRetention * bytesPerLink)} (before replication)`);

  const possibleCodes = v.alphabetSize ** v.codeLength;
  console.log(`possible codes:           ${count(possibleCodes)}`);
  console.log(`share used at the end:    ${((linksOverRetention / possibleCodes) * 100).toFixed(1)} %`);
  console.log(`cache for hot links:      ${bytes(v.newLinksPerDay * v.hotShareOfLinks * bytesPerLink)} of memory`);
}

const names = Object.keys(inputs) as (keyof Inputs)[];
const empty = names.filter((name) => inputs[name] === null);
if (empty.length > 0) console.log(`${names.length - empty.length} of ${names.length} inputs filled in; still empty: ${empty.join(', ')}`);
else estimate(inputs as Inputs);
