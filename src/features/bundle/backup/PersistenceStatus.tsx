/** Whether the browser agreed to keep our data (asked at the first recorded session; storage/settings.ts). */
import { useEffect, useState } from 'react';
import { isStoragePersisted } from '../../../storage/db';
import { loadPersistenceAnswer } from '../../../storage/settings';

export function PersistenceStatus() {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const answer = loadPersistenceAnswer();
  useEffect(() => {
    void isStoragePersisted().then(setPersisted);
  }, []);
  const text =
    persisted === true || answer === 'granted'
      ? 'Persistent storage: granted. The browser will not clear your sessions to make room.'
      : answer === 'refused'
        ? 'Persistent storage: not granted. The browser may clear your sessions when the disk runs low; back up regularly.'
        : answer === 'unsupported'
          ? 'Persistent storage: this browser cannot promise to keep your data; back up regularly.'
          : 'Persistent storage: not asked yet. Rehearse asks when you record your first session.';
  return (
    <p className="text-sm text-slate-400" data-testid="persistent-storage">
      {text}
    </p>
  );
}
