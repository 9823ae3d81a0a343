/** Replay of one session. (Being built.) */
export function ReplayPage({ sessionId }: { sessionId: string }) {
  return <main className="p-6">Replay {sessionId}</main>;
}
