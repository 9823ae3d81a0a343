/** Storage space: what the browser says we use and may use, and how a full disk shows up. */

export interface StorageEstimateInfo {
  usedBytes: number;
  quotaBytes: number;
}

export async function estimateStorage(): Promise<StorageEstimateInfo | null> {
  try {
    const e = await navigator.storage?.estimate?.();
    if (!e || typeof e.usage !== 'number' || typeof e.quota !== 'number') return null;
    return { usedBytes: e.usage, quotaBytes: e.quota };
  } catch {
    return null;
  }
}

/**
 * IndexedDB reports a full disk or an exceeded quota as a QuotaExceededError, either thrown by the
 * request or as the error of the aborted transaction (Chromium sometimes wraps it as an AbortError
 * whose message names the quota).
 */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, message } = e as { name?: unknown; message?: unknown };
  if (name === 'QuotaExceededError') return true;
  return name === 'AbortError' && typeof message === 'string' && /quota/i.test(message);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
