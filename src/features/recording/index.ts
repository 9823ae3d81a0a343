/** What other features use of the recording UI. */
export { RecordingBar } from './RecordingBar';
export { LeaveWhileRecording } from './LeaveWhileRecording';
export { ChoiceDialog, type Choice } from './ChoiceDialog';
export { useRecorder } from './useRecorder';
