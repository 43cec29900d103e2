/** A labelled select, the form control the panels' filter bars use (the label names the control). */
import { useId } from 'react';

export interface SelectFieldProps<V extends string> {
  readonly label: string;
  readonly value: V;
  readonly options: readonly (readonly [V, string])[];
  readonly onChange: (value: V) => void;
  readonly className?: string;
}

export function SelectField<V extends string>({ label, value, options, onChange, className }: SelectFieldProps<V>) {
  const id = useId();
  return (
    <span className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}
