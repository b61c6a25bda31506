import type { KeyboardEvent, Ref } from 'react';
import { stepUnits } from '../../../shared/clinical/units-step.ts';
import { sumUnits, units as unitsSchema } from '../../../shared/domain/values.ts';

/** Parses typed units with the same rule main applies; returns a message instead of a number when wrong. */
export function parseUnits(text: string): number | string {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return 'Type the units for this site.';
  const result = unitsSchema.safeParse(Number(trimmed));
  if (!result.success || !/^\d*\.?\d*$/.test(trimmed)) {
    return result.success ? 'Units must be a number, e.g. 5 or 1.25.' : (result.error.issues[0]?.message ?? 'Invalid units');
  }
  return result.data;
}

export interface UnitsFieldProps {
  text: string;
  onText: (text: string) => void;
  /** Stepper increment for this site (0.25 U on an eyelid, 1 or 5 U elsewhere). */
  step: number;
  /** Where an empty field starts stepping from (the last units used). */
  fallback?: number | null;
  label: string;
  inputRef?: Ref<HTMLInputElement>;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  testId?: string;
  onEnter?: () => void;
  onEscape?: () => void;
  onBlur?: () => void;
  /** Called after a stepper button press (a saved row saves it at once). */
  onStepped?: (text: string) => void;
}

const fmt = (n: number) => String(sumUnits([n]));

/**
 * A units input with a stepper: ArrowUp / ArrowDown and the − / + buttons move by the step, onto its grid.
 * Any value can still be typed; the step only saves key presses.
 */
export function UnitsField({ inputRef, ...props }: UnitsFieldProps) {
  const { text, step } = props;
  function stepBy(direction: 1 | -1): string {
    const next = fmt(stepUnits(text, step, direction, props.fallback ?? null));
    props.onText(next);
    return next;
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      stepBy(e.key === 'ArrowUp' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      props.onEnter?.();
    } else if (e.key === 'Escape') props.onEscape?.();
  }
  return (
    <span className="units-field">
      <button type="button" className="step" tabIndex={-1} disabled={props.disabled} aria-label={`${props.label}: ${fmt(step)} U less`} onClick={() => props.onStepped?.(stepBy(-1))}>
        −
      </button>
      <input
        ref={inputRef}
        className="site-units"
        aria-label={props.label}
        inputMode="decimal"
        value={text}
        disabled={props.disabled}
        onChange={(e) => props.onText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={props.onBlur}
        aria-invalid={props.invalid === true}
        aria-describedby={props.describedBy}
        data-testid={props.testId}
        data-step={step}
      />
      <button type="button" className="step" tabIndex={-1} disabled={props.disabled} aria-label={`${props.label}: ${fmt(step)} U more`} onClick={() => props.onStepped?.(stepBy(1))}>
        +
      </button>
    </span>
  );
}
