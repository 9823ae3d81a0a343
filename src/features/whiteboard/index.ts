/** The whiteboard feature: the workspace's drawing region and its store (autosave, session log). */
export { WhiteboardRegion } from './WhiteboardRegion';
export { useBoard } from './boardStore';
