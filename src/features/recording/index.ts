/** The recording feature's public face: the bar under the workspace header and the recorder's state. */
export { RecordingBar } from './RecordingBar';
export { LeaveWhileRecording } from './LeaveWhileRecording';
export { ChoiceDialog } from './ChoiceDialog';
export { useRecorder } from './useRecorder';
export { ConfirmEndSession } from './EndSessionButton';
export { BackgroundRecording } from './BackgroundRecording';
export { LiveElapsed } from './LiveElapsed';
