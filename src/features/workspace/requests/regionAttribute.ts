/** Marks the Requests region, so the workspace's Ctrl/⌘+Enter (Run) leaves it to the region (Send). */
export const REQUESTS_REGION_ATTRIBUTE = 'data-requests-region';
