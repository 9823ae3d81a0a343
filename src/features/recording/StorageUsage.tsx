import { useEffect, useState } from 'react';
import { estimateStorage, formatBytes, type StorageEstimateInfo } from '../../storage/quota';

const REFRESH_MS = 15_000;

/** Storage used and available, from navigator.storage.estimate() (a browser estimate, not exact). */
export function StorageUsage() {
  const [estimate, setEstimate] = useState<StorageEstimateInfo | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = () => void estimateStorage().then((e) => live && setEstimate(e));
    refresh();
    const id = setInterval(refresh, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, []);
  if (!estimate) return null;
  const free = Math.max(0, estimate.quotaBytes - estimate.usedBytes);
  return (
    <span className="text-xs text-slate-400" data-testid="storage-usage" title="As estimated by the browser">
      Storage: {formatBytes(estimate.usedBytes)} used, {formatBytes(free)} available
    </span>
  );
}
