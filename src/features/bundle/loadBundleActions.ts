/** The bundle code as its own chunk, loaded on first use (fflate, ajv and the schemas are not needed before). */
export type BundleActions = typeof import('./bundleActions');

export const LOAD_FAILED = 'The bundle tools could not be loaded. Reload the page and try again.';

/** Null when the chunk cannot be loaded (an update replaced it, or the network dropped before it was cached). */
export async function loadBundleActions(): Promise<BundleActions | null> {
  try {
    return await import('./bundleActions');
  } catch {
    return null;
  }
}
