/** The review feature's public face: the panel beside the replay and the banner at the next start. */
export { ReviewPanel } from './ReviewPanel';
export { LastActionsBanner } from './LastActionsBanner';
