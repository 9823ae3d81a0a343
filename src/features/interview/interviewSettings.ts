/**
 * The interview settings as a small zustand store: the chime, spoken questions and the nudge switches,
 * saved on this device as they change. The silence nudge lives in the recorder, so its switch is passed on.
 */
import { create } from 'zustand';
import { recorder } from '../../recorder';
import { loadInterviewSettings, saveInterviewSettings, type InterviewSettings } from '../../storage/settings';

interface InterviewSettingsState extends InterviewSettings {
  update(patch: Partial<InterviewSettings>): void;
}

export const useInterviewSettings = create<InterviewSettingsState>()((set, get) => ({
  ...loadInterviewSettings(),
  update(patch) {
    set(patch);
    const { update: _update, ...settings } = get();
    saveInterviewSettings(settings);
    if (patch.silenceNudge !== undefined) recorder.setSilenceNudgeEnabled(patch.silenceNudge);
  },
}));
