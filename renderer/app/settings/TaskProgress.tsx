import { useEffect, useState } from 'react';
import type { TaskStatus } from '../../../shared/domain/types.ts';
import { useClient } from '../client-context.tsx';

const LABEL: Record<TaskStatus['task'], string> = {
  backup: 'Backing up',
  restore: 'Restoring',
  export: 'Exporting',
  import: 'Importing',
};

/**
 * While a backup, restore, export or import runs (in the data worker, the window stays usable), its
 * progress: what, which step, how far. Asks every 300 ms while `active`.
 */
export function TaskProgress({ active }: { active: boolean }) {
  const client = useClient();
  const [status, setStatus] = useState<TaskStatus | null>(null);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const poll = async () => {
      const s = await client.task.progress({}).catch(() => null);
      if (!stopped) setStatus(s);
    };
    void poll();
    const timer = setInterval(() => void poll(), 300);
    return () => {
      stopped = true;
      clearInterval(timer);
      setStatus(null);
    };
  }, [active, client]);
  if (!active || !status) return null;
  const known = status.total > 0;
  const percent = known ? Math.min(100, Math.floor((status.done / status.total) * 100)) : null;
  return (
    <div className="task-progress" role="status" aria-live="polite" data-testid="task-progress">
      <span>
        {LABEL[status.task]}: {status.phase}
        {percent !== null ? ` · ${percent} %` : '…'}
      </span>
      <progress max={known ? status.total : undefined} value={known ? status.done : undefined} aria-label={`${LABEL[status.task]} progress`} />
    </div>
  );
}
