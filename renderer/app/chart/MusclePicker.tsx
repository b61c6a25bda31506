import { useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { muscleName, regionLocation, type AtlasView, type Side } from '../../../shared/atlas/index.ts';
import { shortLabel } from '../../canvas/AtlasShapes.tsx';
import { sideLabel } from './site-text.ts';

export interface MuscleOption {
  /** The region the site goes into (a part, for muscles drawn in parts), and the diagram it is on. */
  regionId: string;
  viewId: string;
  /** Set when the diagram is not the one on screen: choosing the option shows it. */
  viewTitle: string | null;
  muscleId: string;
  side: Side;
  location: string | null;
  deep: boolean;
  label: string;
  /** Lower-case words a typed query is matched against: name, side, part, the usual abbreviation. */
  words: string[];
}

/**
 * One option per muscle, side and part drawn on the session's diagrams, the one on screen first (a muscle drawn on
 * several diagrams is offered on the first), superficial drawings before deep ones; sorted by name.
 */
export function muscleOptions(views: readonly AtlasView[], currentViewId: string): MuscleOption[] {
  const seen = new Map<string, MuscleOption>();
  const ordered = [...views.filter((v) => v.id === currentViewId), ...views.filter((v) => v.id !== currentViewId)];
  const regions = [false, true].flatMap((deep) => ordered.flatMap((view) => view.regions.filter((r) => (r.layer === 'deep') === deep).map((r) => ({ view, r }))));
  for (const { view, r } of regions) {
    const location = regionLocation(r);
    const key = `${r.muscleId}|${r.side}|${location ?? ''}`;
    if (seen.has(key)) continue;
    const name = muscleName(r.muscleId);
    const sideWords = r.side === 'midline' ? ['midline'] : [r.side, sideLabel(r.side).toLowerCase()];
    const text = `${name} ${shortLabel(r)} ${location ?? ''} ${r.muscleId.replace(/_/g, ' ')}`.toLowerCase();
    seen.set(key, {
      regionId: r.id,
      viewId: view.id,
      viewTitle: view.id === currentViewId ? null : view.title,
      muscleId: r.muscleId,
      side: r.side,
      location,
      deep: r.layer === 'deep',
      label: `${name} ${sideLabel(r.side)}`,
      words: [...new Set([...text.split(/[^a-z0-9.]+/).filter(Boolean), ...sideWords])],
    });
  }
  // The diagram on screen first, then by name: "trap" finds the trapezius drawn here before one drawn elsewhere.
  return [...seen.values()].sort(
    (a, b) => Number(a.viewTitle !== null) - Number(b.viewTitle !== null) || a.label.localeCompare(b.label) || (a.location ?? '').localeCompare(b.location ?? ''),
  );
}

/** Options whose words start with every typed word ("splen l", "scm r", "upper lid med"). */
export function filterOptions(options: readonly MuscleOption[], query: string): MuscleOption[] {
  const terms = query.toLowerCase().split(/[^a-z0-9.]+/).filter(Boolean);
  if (terms.length === 0) return [...options];
  return options.filter((o) => terms.every((t) => o.words.some((w) => w.startsWith(t))));
}

export interface MusclePickerProps {
  options: readonly MuscleOption[];
  onPick: (option: MuscleOption) => void;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Place by name, from the keyboard: type to filter, ArrowUp/ArrowDown to choose, Enter to place. Nothing is placed
 * until Enter (or a click on an option): typing and arrows only choose.
 */
export function MusclePicker({ options, onPick, disabled, inputRef }: MusclePickerProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const matches = useMemo(() => filterOptions(options, query), [options, query]);
  const current = matches[Math.min(active, matches.length - 1)];

  function pick(option: MuscleOption | undefined) {
    if (!option) return;
    setQuery('');
    setOpen(false);
    setActive(0);
    onPick(option);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const n = matches.length;
      if (n > 0) setActive((a) => (Math.min(a, n - 1) + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Enter places only what the list shows as chosen; on a closed list it opens the list.
      if (open && current) pick(current);
      else setOpen(true);
    } else if (e.key === 'Escape') {
      if (open || query) {
        e.stopPropagation();
        setOpen(false);
        setQuery('');
      }
    }
  }

  return (
    <div className="muscle-picker">
      <label htmlFor={`${id}-input`}>Place by name</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && current ? `${id}-${current.regionId}` : undefined}
        placeholder="Type a muscle: splen L, SCM R…"
        value={query}
        disabled={disabled}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        data-testid="place-by-muscle"
      />
      {open && (
        <ul className="picker-list" role="listbox" id={`${id}-list`} aria-label="Muscles of this diagram">
          {matches.length === 0 && <li className="muted small">No muscle of this diagram matches “{query}”.</li>}
          {matches.map((o) => (
            <li
              key={o.regionId}
              id={`${id}-${o.regionId}`}
              role="option"
              aria-selected={o === current}
              className={o === current ? 'option active' : 'option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
            >
              {o.label}
              {o.deep && <span className="badge deep">deep</span>}
              {o.location && <span className="location">{o.location}</span>}
              {o.viewTitle && <span className="location">on {o.viewTitle}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
