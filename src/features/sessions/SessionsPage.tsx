/** The sessions library. (Being built.) */
export function SessionsPage() {
  return <main className="p-6">Sessions</main>;
}
