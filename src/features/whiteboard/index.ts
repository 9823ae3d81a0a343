/** The whiteboard feature: the workspace's drawing region (its store, boardStore.ts, autosaves and logs to the session). */
export { WhiteboardRegion } from './WhiteboardRegion';
