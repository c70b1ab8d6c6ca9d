import { useState } from 'react';
import { useText } from '../i18n/text';
import { webFormMessages } from './messages';

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton({ text, testId }: { text: string; testId: string }) {
  const t = useText(webFormMessages);
  const [done, setDone] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(text);
    setDone(true);
    setTimeout(() => setDone(false), 2000);
  };
  return (
    <button type="button" onClick={() => void copy()} data-testid={testId}>
      {done ? t('copied') : t('copy')}
    </button>
  );
}
