/**
 * Typed values kept across a lost session: when a save meets an expired
 * session the app shows the sign-in page (the form unmounts), so the values
 * are parked in sessionStorage and the form picks them up when it mounts
 * again after sign-in. Only this tab sees them; a successful save clears them.
 */
export interface Draft {
  values: Record<string, unknown>;
  /** The version the edit started from (an update), so a conflict is still detected. */
  version?: number;
}

const keyOf = (object: string, id: string | undefined) => `tessera.form-draft:${object}:${id ?? 'new'}`;

export function saveDraft(object: string, id: string | undefined, draft: Draft): void {
  try {
    sessionStorage.setItem(keyOf(object, id), JSON.stringify(draft));
  } catch {
    // storage full or unavailable: nothing more we can do without the server
  }
}

export function readDraft(object: string, id: string | undefined): Draft | undefined {
  try {
    const text = sessionStorage.getItem(keyOf(object, id));
    const parsed = text ? (JSON.parse(text) as Draft) : undefined;
    return parsed && typeof parsed.values === 'object' && parsed.values !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function clearDraft(object: string, id: string | undefined): void {
  try {
    sessionStorage.removeItem(keyOf(object, id));
  } catch {
    // unavailable storage holds no draft
  }
}
