import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { fetchName, knownName, LOOKUP_DEBOUNCE_MS, rememberName, searchRecords, type LookupHit } from './lookup-search';
import { useWidget } from './widget-base';

/** The name of the record a lookup holds, fetched once (undefined while unknown). */
function useRecordName(target: string, id: string | undefined): string | undefined {
  const [name, setName] = useState(() => (id ? knownName(target, id) : undefined));
  useEffect(() => {
    if (!id) return setName(undefined);
    let live = true;
    setName(knownName(target, id));
    fetchName(target, id).then(
      (n) => live && setName(n),
      () => live && setName(id),
    );
    return () => {
      live = false;
    };
  }, [target, id]);
  return name;
}

/**
 * A lookup: shows the current record's name; typing searches the target
 * object (debounced, newest answer wins) and a hit is chosen by click or
 * keyboard. The model is the chosen record's id.
 */
export function LookupWidget(props: WidgetProps) {
  const { f, locked, aria } = useWidget(props);
  const { t } = useI18n();
  const target = String(f.options.target ?? '');
  const id = typeof props.value === 'string' && props.value ? props.value : undefined;
  const name = useRecordName(target, id);
  const [text, setText] = useState<string | null>(null);
  const [hits, setHits] = useState<LookupHit[] | null>(null);
  const [state, setState] = useState<'idle' | 'searching' | 'failed'>('idle');
  const [active, setActive] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const asked = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const n = ++asked.current;
      setState('searching');
      searchRecords(target, q).then(
        (found) => {
          if (n !== asked.current) return;
          setHits(found);
          setActive(0);
          setState('idle');
        },
        () => n === asked.current && setState('failed'),
      );
    }, LOOKUP_DEBOUNCE_MS);
  };
  const close = () => {
    clearTimeout(timer.current);
    asked.current++;
    setHits(null);
    setText(null);
    setState('idle');
  };
  const choose = (hit: LookupHit) => {
    rememberName(target, hit);
    close();
    props.onChange(hit.id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (hits) setActive((a) => Math.min(a + 1, hits.length - 1));
      else search(text ?? '');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && hits) {
      e.preventDefault();
      if (hits[active]) choose(hits[active]!);
    } else if (e.key === 'Escape') {
      close();
    }
  };
  const listId = `${props.id}__hits`;
  const open = hits !== null || state !== 'idle';
  return (
    <div className="tf-lookup">
      <input
        className="tf-input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={hits?.[active] ? `${listId}-${active}` : undefined}
        id={props.id}
        name={f.name}
        readOnly={locked}
        placeholder={locked ? '' : t('form.lookup.placeholder')}
        value={text ?? (id ? (name ?? '') : '')}
        {...aria}
        onChange={(e) => {
          setText(e.target.value);
          search(e.target.value);
        }}
        onKeyDown={locked ? undefined : onKeyDown}
        onFocus={() => props.onFocus(props.id, props.value)}
        onBlur={() => {
          close();
          props.onBlur(props.id, props.value);
        }}
      />
      {id && !locked && (
        <button type="button" className="tf-lookup-clear" aria-label={t('form.lookup.clear')} onClick={() => props.onChange(undefined)}>
          ×
        </button>
      )}
      {open && (
        <ul className="tf-lookup-hits" role="listbox" id={listId}>
          {state === 'searching' && !hits && <li className="tf-lookup-note">{t('form.lookup.searching')}</li>}
          {state === 'failed' && <li className="tf-lookup-note">{t('error.network')}</li>}
          {hits?.length === 0 && <li className="tf-lookup-note">{t('form.lookup.noResults')}</li>}
          {hits?.map((hit, i) => (
            <li
              key={hit.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'tf-lookup-active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(hit);
              }}
            >
              {hit.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
