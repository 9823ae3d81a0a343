import type { ThemeChoice } from '../../storage/settings';
import { useThemeStore } from './themeStore';

const CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** System / Light / Dark, remembered on this device. */
export function ThemeSwitch() {
  const choice = useThemeStore((s) => s.choice);
  return (
    <label className="flex items-center gap-2 text-sm text-slate-400">
      Theme
      <select
        className="input text-slate-100"
        value={choice}
        onChange={(e) => useThemeStore.getState().choose(e.target.value as ThemeChoice)}
      >
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
