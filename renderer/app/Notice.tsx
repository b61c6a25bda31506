import { useEffect } from 'react';

export interface NoticeData {
  kind: 'error' | 'info';
  message: string;
}

/** Plain-language message from the main process (errors) or the app (confirmations). */
export function Notice({ notice, onClose }: { notice: NoticeData; onClose: () => void }) {
  // Confirmations fade after a few seconds; errors stay until dismissed.
  useEffect(() => {
    if (notice.kind !== 'info') return;
    const timer = setTimeout(onClose, 4000);
    return () => clearTimeout(timer);
  }, [notice, onClose]);
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.message}</span>
      <button type="button" className="notice-close" onClick={onClose} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
