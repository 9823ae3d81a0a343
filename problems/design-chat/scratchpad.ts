// Back-of-the-envelope estimates for a 1:1 chat service. Change the inputs and run it again.
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
const dailyActiveUsers = 100_000_000;
const messagesSentPerUserPerDay = 50;
const averageMessageBytes = 100; // text plus ids and timestamps
const retentionDays = 30;
const readsPerWrite = 2; // history fetches and syncs per message written
const peakToAverage = 3; // busiest hour versus the daily average
const shareOnlineAtPeak = 0.3; // fraction of daily users connected at the same time at peak
const connectionsPerServer = 50_000; // open WebSockets one chat server holds comfortably

// --- Traffic ---
const messagesPerDay = dailyActiveUsers * messagesSentPerUserPerDay;
const writesPerSecond = messagesPerDay / SECONDS_PER_DAY;
const readsPerSecond = writesPerSecond * readsPerWrite;

console.log(`messages per day:          ${count(messagesPerDay)}`);
console.log(`writes, average:           ${count(writesPerSecond)} messages/s`);
console.log(`writes, peak:              ${count(writesPerSecond * peakToAverage)} messages/s`);
console.log(`reads, peak:               ${count(readsPerSecond * peakToAverage)} reads/s`);

// --- Storage ---
const storagePerDay = messagesPerDay * averageMessageBytes;
const storageForRetention = storagePerDay * retentionDays;

console.log(`new data per day:          ${bytes(storagePerDay)}`);
console.log(`stored for ${retentionDays} days:        ${bytes(storageForRetention)} (before replication)`);
console.log(`with 3 replicas:           ${bytes(storageForRetention * 3)}`);

// --- Connections ---
const concurrentConnections = dailyActiveUsers * shareOnlineAtPeak;
const chatServers = Math.ceil(concurrentConnections / connectionsPerServer);

console.log(`open connections at peak:  ${count(concurrentConnections)}`);
console.log(`chat servers needed:       ${chatServers} servers (at ${count(connectionsPerServer)} connections each)`);

// --- Bandwidth (message payload only) ---
const ingressPerSecondAtPeak = writesPerSecond * peakToAverage * averageMessageBytes;
console.log(`incoming payload at peak:  ${bytes(ingressPerSecondAtPeak)}/s`);
