/**
 * The end of a confirmed action, shared by the kill / close dialog and the service stop: main's message,
 * "Try again as administrator" when it failed for missing rights, and Close.
 */
import type { ReactNode } from 'react';

export interface ActionOutcomeProps {
  /** Prefix of the test ids ("action" → action-outcome, action-retry-elevated, action-close). */
  testIdPrefix: string;
  message: string;
  failed: boolean;
  needsElevation?: boolean;
  onRetryElevated(): void;
  onClose(message: string, failed: boolean): void;
  /** Shown between the message and the buttons. */
  children?: ReactNode;
}

export function ActionOutcome({ testIdPrefix, message, failed, needsElevation, onRetryElevated, onClose, children }: ActionOutcomeProps): ReactNode {
  return (
    <>
      <p className={failed ? 'error-text' : 'ok-text'} data-testid={`${testIdPrefix}-outcome`}>
        {message}
      </p>
      {children}
      <div className="modal-buttons">
        {failed && needsElevation && (
          <button type="button" className="danger" onClick={onRetryElevated} data-testid={`${testIdPrefix}-retry-elevated`}>
            Try again as administrator
          </button>
        )}
        <button type="button" className="primary" autoFocus onClick={() => onClose(message, failed)} data-testid={`${testIdPrefix}-close`}>
          Close
        </button>
      </div>
    </>
  );
}
