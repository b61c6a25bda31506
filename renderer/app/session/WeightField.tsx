import { useState } from 'react';

/**
 * The patient's weight at this visit, for the per-kg caps (pediatric limits). Saved on Enter or when
 * the field is left; an entry that is not a weight is refused with its reason and nothing is saved.
 */
export function WeightField({ weightKg, readOnly, onSave }: { weightKg: number | null; readOnly: boolean; onSave: (kg: number | null) => void }) {
  const [text, setText] = useState(weightKg === null ? '' : String(weightKg));
  const [shown, setShown] = useState(weightKg);
  if (shown !== weightKg) {
    // The saved value changed (saved here, or reloaded): show it.
    setShown(weightKg);
    setText(weightKg === null ? '' : String(weightKg));
  }
  const parsed = text.trim() === '' ? null : Number(text.replace(',', '.'));
  const invalid = parsed !== null && (!Number.isFinite(parsed) || parsed <= 0);
  const save = () => {
    if (invalid || parsed === weightKg) return;
    onSave(parsed);
  };
  return (
    <label className="weight-field">
      Weight at this visit (kg)
      <input
        inputMode="decimal"
        value={text}
        disabled={readOnly}
        aria-invalid={invalid}
        data-testid="weight"
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
        }}
      />
      {invalid && <span className="form-error">Enter the weight in kilograms, e.g. 24.5</span>}
    </label>
  );
}
