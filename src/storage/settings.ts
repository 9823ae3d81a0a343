/**
 * Small per-device preferences, kept in localStorage (synchronous, so the UI has them on first paint).
 * Read back defensively: anything unexpected means the default.
 */
import { restoreInterviewSettings } from '../core/records/restoreSettings';
import type { InterviewSettings } from '../core/records/types';

const SILENCE_THRESHOLD_KEY = 'rehearse.silenceThresholdMs';
export const DEFAULT_SILENCE_THRESHOLD_MS = 30_000;

export function loadSilenceThreshold(): number {
  try {
    const value = Number(globalThis.localStorage?.getItem(SILENCE_THRESHOLD_KEY));
    return Number.isFinite(value) && value >= 1000 ? value : DEFAULT_SILENCE_THRESHOLD_MS;
  } catch {
    return DEFAULT_SILENCE_THRESHOLD_MS;
  }
}

export function saveSilenceThreshold(ms: number): void {
  try {
    globalThis.localStorage?.setItem(SILENCE_THRESHOLD_KEY, String(ms));
  } catch {
    // Private mode or a full disk: the choice lasts for this page only.
  }
}

const INTERVIEW_SETTINGS_KEY = 'rehearse.interviewSettings';

export function loadInterviewSettings(): InterviewSettings {
  try {
    const text = globalThis.localStorage?.getItem(INTERVIEW_SETTINGS_KEY);
    return restoreInterviewSettings(text ? JSON.parse(text) : null);
  } catch {
    return restoreInterviewSettings(null);
  }
}

export function saveInterviewSettings(settings: InterviewSettings): void {
  try {
    globalThis.localStorage?.setItem(INTERVIEW_SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Private mode or a full disk: the choice lasts for this page only.
  }
}

/** What the browser answered when asked to keep our data (navigator.storage.persist), or null if never asked. */
export type PersistenceAnswer = 'granted' | 'refused' | 'unsupported';
const PERSISTENCE_KEY = 'rehearse.persistentStorage';

export function loadPersistenceAnswer(): PersistenceAnswer | null {
  try {
    const v = globalThis.localStorage?.getItem(PERSISTENCE_KEY);
    return v === 'granted' || v === 'refused' || v === 'unsupported' ? v : null;
  } catch {
    return null;
  }
}

export function savePersistenceAnswer(answer: PersistenceAnswer): void {
  try {
    globalThis.localStorage?.setItem(PERSISTENCE_KEY, answer);
  } catch {
    // Private mode or a full disk: the question is asked again next time.
  }
}

/** Every preference this app keeps (localStorage keys `rehearse.*`), for a backup. */
export function loadAllSettings(): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    const store = globalThis.localStorage;
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      const value = key === null ? null : store.getItem(key);
      if (key?.startsWith('rehearse.') && value !== null) out[key] = value;
    }
  } catch {
    // No localStorage: nothing to back up.
  }
  return out;
}

/** Writes restored preferences (already checked by core/backup/restoreProfile.ts). */
export function saveSettingEntries(entries: readonly [string, string][]): void {
  try {
    for (const [key, value] of entries) globalThis.localStorage?.setItem(key, value);
  } catch {
    // Private mode or a full disk: the restored settings last for this page only.
  }
}

/**
 * localStorage for UI preferences that a library keeps itself (the workspace's pane sizes): a blocked or
 * full localStorage reads as "nothing saved" and drops the write, instead of throwing into the UI.
 */
export const uiPreferenceStorage: Pick<Storage, 'getItem' | 'setItem'> = {
  getItem(key) {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  setItem(key, value) {
    try {
      globalThis.localStorage?.setItem(key, value);
    } catch {
      // Private mode or a full disk: the sizes last for this page only.
    }
  },
};

/** The colour theme the person chose; "system" follows the operating system's light or dark setting. */
export type ThemeChoice = 'system' | 'light' | 'dark';
const THEME_KEY = 'rehearse.theme';

export function loadThemeChoice(): ThemeChoice {
  const value = uiPreferenceStorage.getItem(THEME_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function saveThemeChoice(choice: ThemeChoice): void {
  uiPreferenceStorage.setItem(THEME_KEY, choice);
}

/**
 * The catalog's last query string (filters, order, search), for "← Problems" and the Problems link. Per
 * tab (sessionStorage): a reload of a workspace still leads back to the list as filtered, and another tab
 * keeps its own. The catalog reads the query back defensively, so any text here is safe.
 */
const CATALOG_SEARCH_KEY = 'rehearse.catalogSearch';

export function loadCatalogSearch(): string {
  try {
    return globalThis.sessionStorage?.getItem(CATALOG_SEARCH_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveCatalogSearch(search: string): void {
  try {
    globalThis.sessionStorage?.setItem(CATALOG_SEARCH_KEY, search);
  } catch {
    // Private mode: "← Problems" shows the whole catalog.
  }
}
