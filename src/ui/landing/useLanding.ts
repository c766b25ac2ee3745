import { useCallback, useState } from 'react';
import { initialQuery } from '../shell/address';
import { dismissLanding, shouldShowLanding, type KeyValueStore } from './landing';

/** localStorage, or null where reading it throws (sandboxed frames, some private modes). */
function storage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Whether the first-visit landing panel shows (decided once, at load), and dismissing it. */
export function useLanding(): { shown: boolean; dismiss: () => void } {
  const [shown, setShown] = useState(() => shouldShowLanding(initialQuery(), storage()));
  const dismiss = useCallback(() => {
    dismissLanding(storage());
    setShown(false);
  }, []);
  return { shown, dismiss };
}
