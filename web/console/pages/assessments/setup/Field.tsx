import { type ReactNode, useId } from 'react';

/** A label above its control, tied by id (Ant Design's inputs take the id onto the element a screen reader reads). */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="setup-field">
      <label htmlFor={id} style={{ display: 'block' }}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}
