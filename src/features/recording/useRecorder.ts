import { useStore } from 'zustand';
import { recorder, type RecorderState } from '../../recorder';

/** Reads the recorder's state with a selector (re-renders only when the selected value changes). */
export function useRecorder<T>(selector: (s: RecorderState) => T): T {
  return useStore(recorder.store, selector);
}
