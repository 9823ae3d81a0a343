/** Progress over sessions. (Being built.) */
export function ProgressPage() {
  return <main className="p-6">Progress</main>;
}
