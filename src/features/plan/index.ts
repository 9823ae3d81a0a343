export { PlanPage } from './PlanPage';
export { watchRecorder } from './watchRecorder';
