import { useId } from 'react';

/** A labelled staff password input (login and unlock), as direct children of the caller's form. */
export function PasswordField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name="password"
        type="password"
        autoComplete="current-password"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required
        autoFocus={props.autoFocus}
      />
    </>
  );
}
