/** The bundle feature's public face: Export (replay page, sessions table) and the import drop zone. */
export { ExportButton } from './ExportButton';
export { ImportDropZone } from './ImportDropZone';
