/**
 * The interview settings (chime, spoken questions, nudge switches, the full hidden-test list) as the UI
 * reads them: held by the practice engine, which saves them on this device and passes the silence switch
 * to the recorder. A selector over its store.
 */
import { useStore } from 'zustand';
import { practice } from '../../practice';
import type { InterviewSettings } from '../../core/records/types';

type SettingsView = InterviewSettings & { update(patch: Partial<InterviewSettings>): void };

const update = (patch: Partial<InterviewSettings>) => practice.updateSettings(patch);

export function useInterviewSettings(): SettingsView;
export function useInterviewSettings<T>(selector: (s: InterviewSettings) => T): T;
export function useInterviewSettings<T>(selector?: (s: InterviewSettings) => T): T | SettingsView {
  const settings = useStore(practice.store, (s) => s.settings);
  return selector ? selector(settings) : { ...settings, update };
}

useInterviewSettings.getState = (): SettingsView => ({ ...practice.state.settings, update });
