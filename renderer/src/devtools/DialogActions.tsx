/** The foot of every dialog: the error (read out as an alert), Cancel, and the primary action (a form's submit when it has no onClick). */
export function DialogActions({ error, onCancel, primary }: { error?: string | undefined; onCancel: () => void; primary: { label: string; disabled: boolean; onClick?: () => void } }) {
  return (
    <>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type={primary.onClick ? 'button' : 'submit'} className="primary" disabled={primary.disabled} {...(primary.onClick ? { onClick: primary.onClick } : {})}>
          {primary.label}
        </button>
      </div>
    </>
  );
}
