/** Placeholder replaced by the backup feature. */
export function BackupPanel() {
  return null;
}
