import { useEffect, useRef, useState, type FormEvent } from 'react';
import { muscleName } from '../../../shared/atlas/index.ts';
import { reference } from '../../../shared/clinical/reference.ts';
import type { PendingSite } from '../../editor/tool.ts';
import { sideLabel } from './site-text.ts';
import { parseUnits, UnitsField } from './UnitsField.tsx';

interface AvoidStructure {
  muscle_id: string;
  label: string;
  risk: string;
}

const BLEPHAROSPASM = reference.protocols.blepharospasm_botox_label as { avoid_structures: AvoidStructure[]; sources: string[] };

/**
 * What the reference says to avoid near an eyelid site: near the levator palpebrae superioris in the upper lid
 * (ptosis), the medial lower lid (inferior oblique: diplopia). Shown beside the units, with the sources.
 */
export function eyelidCaution(muscleId: string, location: string | null): string | null {
  if (!muscleId.startsWith('orbicularis_oculi_pretarsal') && !muscleId.startsWith('orbicularis_oculi_preseptal')) return null;
  const avoid = (id: string) => BLEPHAROSPASM.avoid_structures.find((a) => a.muscle_id === id);
  const sources = BLEPHAROSPASM.sources.join(', ');
  if (location?.startsWith('upper lid')) {
    const a = avoid('levator_palpebrae_superioris');
    return a ? `Avoid: ${a.label}, risk of ${a.risk}. Sources ${sources}.` : null;
  }
  if (location === 'lower lid, medial') {
    const a = avoid('inferior_oblique');
    return a ? `Avoid: ${a.label}, risk of ${a.risk}. Sources ${sources}.` : null;
  }
  return null;
}

export interface PendingFormProps {
  pending: PendingSite;
  /** Which part of the muscle the point is in ("upper lid, medial"), when the diagram says. */
  location: string | null;
  step: number;
  lastUnits: number | null;
  saving: boolean;
  onTypeUnits: (text: string) => void;
  onConfirm: (units: number) => void;
  onCancel: () => void;
}

/** The site being placed: its muscle, side and part, and its units (typed, or stepped), then Enter. */
export function PendingForm(props: PendingFormProps) {
  const [text, setText] = useState(props.pending.units);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const caution = eyelidCaution(props.pending.muscleId, props.location);

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (props.saving) return;
    const parsed = parseUnits(text);
    if (typeof parsed === 'string') setError(parsed);
    else props.onConfirm(parsed);
  }

  return (
    <form className="pending card" onSubmit={submit} aria-label="New site" aria-busy={props.saving}>
      <p className="pending-muscle" data-testid="pending-muscle">
        {muscleName(props.pending.muscleId)} <span className="side">{sideLabel(props.pending.side)}</span>
        {props.location && <span className="location" data-testid="pending-location">{props.location}</span>}
      </p>
      {caution && <p className="caution small" data-testid="pending-caution">{caution}</p>}
      <label>
        Units
        <UnitsField
          text={text}
          onText={(t) => {
            setText(t);
            setError(null);
            props.onTypeUnits(t);
          }}
          step={props.step}
          fallback={props.lastUnits}
          label="Units"
          inputRef={input}
          invalid={error !== null}
          describedBy={error ? 'pending-error' : undefined}
          testId="units-input"
          onEnter={() => submit()}
          onEscape={props.onCancel}
        />
      </label>
      {error && <p className="form-error" role="alert" id="pending-error">{error}</p>}
      <div className="form-actions">
        <button type="button" onClick={props.onCancel}>Cancel</button>
        <button type="submit" className="primary" data-testid="confirm-site" disabled={props.saving}>
          {props.saving ? 'Saving…' : 'Place site'}
        </button>
      </div>
    </form>
  );
}
