import { MIN_PRACTICE_PASSPHRASE } from '../../../shared/domain/passphrase-rules.ts';

/** A new practice passphrase typed twice (asked where the computer has no secure key store). */
export function PassphrasePair({
  value,
  again,
  onChange,
  invalid,
  autoFocus,
  label = 'Practice passphrase',
}: {
  value: string;
  again: string;
  onChange: (value: string, again: string) => void;
  invalid: boolean;
  autoFocus?: boolean;
  label?: string;
}) {
  return (
    <div className="vault-pair">
      <label>
        {label}
        <input
          type="password"
          autoComplete="new-password"
          autoFocus={autoFocus}
          maxLength={1024}
          value={value}
          aria-invalid={invalid}
          aria-describedby="vault-pair-hint"
          onChange={(e) => onChange(e.target.value, again)}
          data-testid="vault-passphrase"
        />
      </label>
      <label>
        Type it again
        <input
          type="password"
          autoComplete="new-password"
          maxLength={1024}
          value={again}
          aria-invalid={invalid}
          onChange={(e) => onChange(value, e.target.value)}
          data-testid="vault-passphrase-again"
        />
      </label>
      <p id="vault-pair-hint" className="hint small">
        At least {MIN_PRACTICE_PASSPHRASE} characters. A short sentence is easier to remember than a code, e.g. “our clinic opens at eight on Mondays”.
      </p>
    </div>
  );
}
