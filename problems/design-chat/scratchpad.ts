// Back-of-the-envelope estimates for a 1:1 chat service. Fill in each input, from the interviewer's
// answers or an assumption you say out loud, then run it. Plain TypeScript: top-level code, no imports.

interface Inputs {
  dailyActiveUsers: number;
  messagesSentPerUserPerDay: number;
  /** Text plus ids and timestamps. */
  averageMessageBytes: number;
  retentionDays: number;
  /** History fetches and syncs per message written. */
  readsPerWrite: number;
  /** Busiest hour against the daily average. */
  peakToAverage: number;
  /** Fraction of daily users connected at the same time at peak. */
  shareOnlineAtPeak: number;
  /** Open WebSockets one chat server holds comfortably. */
  connectionsPerServer: number;
  /** Copies of each stored message. */
  replicas: number;
}

const inputs: { [K in keyof Inputs]: Inputs[K] | null } = {
  dailyActiveUsers: null,
  messagesSentPerUserPerDay: null,
  averageMessageBytes: null,
  retentionDays: null,
  readsPerWrite: null,
  peakToAverage: null,
  shareOnlineAtPeak: null,
  connectionsPerServer: null,
  replicas: null,
};

const SECONDS_PER_DAY = 24 * 60 * 60;

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
  const messagesPerDay = v.dailyActiveUsers * v.messagesSentPerUserPerDay;
  const writesPerSecond = messagesPerDay / SECONDS_PER_DAY;
  console.log(`messages per day:          ${count(messagesPerDay)}`);
  console.log(`writes, average:           ${count(writesPerSecond)} messages/s`);
  console.log(`writes, peak:              ${count(writesPerSecond * v.peakToAverage)} messages/s`);
  console.log(`reads, peak:               ${count(writesPerSecond * v.readsPerWrite * v.peakToAverage)} reads/s`);

  const storagePerDay = messagesPerDay * v.averageMessageBytes;
  const stored = storagePerDay * v.retentionDays;
  console.log(`new data per day:          ${bytes(storagePerDay)}`);
  console.log(`stored over retention:     ${bytes(stored)} (${bytes(stored * v.replicas)} with every replica)`);

  const connections = v.dailyActiveUsers * v.shareOnlineAtPeak;
  console.log(`open connections at peak:  ${count(connections)}`);
  console.log(`chat servers needed:       ${Math.ceil(connections / v.connectionsPerServer)} servers`);
  console.log(`incoming payload at peak:  ${bytes(writesPerSecond * v.peakToAverage * v.averageMessageBytes)}/s`);
}

const names = Object.keys(inputs) as (keyof Inputs)[];
const empty = names.filter((name) => inputs[name] === null);
if (empty.length > 0) console.log(`${names.length - empty.length} of ${names.length} inputs filled in; still empty: ${empty.join(', ')}`);
else estimate(inputs as Inputs);
