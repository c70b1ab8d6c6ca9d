import { useState } from 'react';

/** A button that asks once more before doing something that cannot be undone (`<testid>-yes` / `<testid>-no`). */
export function ConfirmButton(props: { testid: string; label: string; question: string; yes: string; no: string; onConfirm(): void; className?: string }) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className={props.className ?? 'link'} data-testid={props.testid} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  return (
    <span className="confirm-ask" role="group">
      {props.question}{' '}
      <button type="button" className="danger" data-testid={`${props.testid}-yes`} onClick={() => { setAsking(false); props.onConfirm(); }}>
        {props.yes}
      </button>{' '}
      <button type="button" data-testid={`${props.testid}-no`} onClick={() => setAsking(false)}>
        {props.no}
      </button>
    </span>
  );
}
