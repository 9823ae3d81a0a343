/**
 * Reading the interviewer's questions aloud with the browser's speechSynthesis, preferring a voice that
 * runs on this device (offline). Every call is guarded: no speechSynthesis or no voices means silence,
 * never an error.
 */
export function canSpeak(): boolean {
  return typeof globalThis.speechSynthesis !== 'undefined' && typeof globalThis.SpeechSynthesisUtterance !== 'undefined';
}

export function speak(text: string): void {
  if (!canSpeak()) return;
  try {
    const synth = globalThis.speechSynthesis;
    synth.cancel(); // a new question replaces one still being read
    const utterance = new SpeechSynthesisUtterance(text);
    const voices = synth.getVoices();
    const lang = globalThis.navigator?.language ?? 'en';
    const local = voices.filter((v) => v.localService);
    const voice = local.find((v) => v.lang === lang) ?? local.find((v) => v.lang.startsWith('en')) ?? local[0];
    if (voice) utterance.voice = voice;
    utterance.rate = 0.95;
    synth.speak(utterance);
  } catch {
    // No usable voice: the question is on screen anyway.
  }
}

export function stopSpeaking(): void {
  if (!canSpeak()) return;
  try {
    globalThis.speechSynthesis.cancel();
  } catch {
    // Nothing to stop.
  }
}
