import { sourceTitle } from '../../../../shared/clinical/reference.ts';

/** Source ids of a rule, each with its title on hover; MEM reads as "from memory". */
export function SourceList({ sources }: { sources: readonly string[] }) {
  if (sources.length === 0) return <span className="muted">record check</span>;
  return (
    <span className="sources">
      {sources.map((s) => (
        <abbr key={s} title={s === 'MEM' ? 'Recalled, not checked against a source' : (sourceTitle(s) ?? s)} className={s === 'MEM' ? 'src src-mem' : 'src'}>
          {s === 'MEM' ? 'from memory' : s}
        </abbr>
      ))}
    </span>
  );
}
