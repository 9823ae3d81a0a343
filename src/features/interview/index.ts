/** The interviewer feature's public face: what the workspace and the review compose into their pages. */
export { AskedFollowUps } from './AskedFollowUps';
export { InterviewSettingsMenu } from './InterviewSettingsMenu';
export { InterviewerPanel } from './InterviewerPanel';
export { NudgeBanner } from './NudgeBanner';
export { PhaseBanner } from './PhaseBanner';
export { useFollowUpsAsked } from './interviewerStore';
