import { makeSpeechFixture } from './fixtures/speech';

/** Runs once before the e2e suite: the fake microphone's WAV must exist before Chromium launches. */
export default function globalSetup(): void {
  makeSpeechFixture();
}
