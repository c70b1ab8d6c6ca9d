import type { ReactNode } from 'react';
import type { MetadataChange } from '../../../engine/shared/metadata-diff';
import type { RawSnapshot } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useText } from '../i18n/text';
import { changeSentence } from './change-sentence';
import { reviewMessages } from './messages';

/** The changes to one object or value set, each with its place in the whole list (for test ids). */
export interface ChangeGroup {
  key: string;
  kind: 'object' | 'valueSet';
  name: string;
  changes: { change: MetadataChange; index: number }[];
}

/** The group a change belongs to: `object:<name>` or `valueSet:<name>`. */
export const groupKey = (c: MetadataChange): string => (c.object !== undefined ? `object:${c.object}` : `valueSet:${c.valueSet ?? ''}`);

/** Changes grouped by object or value set, in the order they first appear. */
export function changeGroups(changes: MetadataChange[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  changes.forEach((change, index) => {
    const key = groupKey(change);
    const g = groups.get(key) ?? { key, kind: change.object !== undefined ? 'object' : 'valueSet', name: change.object ?? change.valueSet ?? '', changes: [] };
    g.changes.push({ change, index });
    groups.set(key, g);
  });
  return [...groups.values()];
}

/** A change that throws data away (a field or object to the trash) is shown as such. */
const removesData = (c: MetadataChange) => c.kind === 'removed' && (c.what === 'field' || c.what === 'object');

/**
 * A readable diff: one heading per object or value set, one sentence per change.
 * `snapshots` give the headings their labels (the first that has the thing wins);
 * `highlight` marks groups (by groupKey) that need attention, e.g. touched by both sides of a conflict.
 */
export function ChangeList(props: { changes: MetadataChange[]; testid: string; snapshots: RawSnapshot[]; highlight?: Set<string>; highlightNote?: string; actions?: (g: ChangeGroup) => ReactNode }) {
  const t = useText(reviewMessages);
  const { label } = useI18n();
  const title = (g: ChangeGroup) => {
    const def = props.snapshots.map((s) => (g.kind === 'object' ? s.objects[g.name] : s.valueSets[g.name])).find(Boolean);
    return label(def?.label, g.name);
  };
  return (
    <div className="change-list">
      {changeGroups(props.changes).map((g) => {
        const marked = props.highlight?.has(g.key) ?? false;
        return (
          <section key={g.key} className={`change-group${marked ? ' both-touched' : ''}`} data-testid={`${props.testid}-group-${g.key}`}>
            <h3>
              <span className="group-kind">{t(g.kind === 'object' ? 'objectGroup' : 'valueSetGroup')}</span> {title(g)} <code>{g.name}</code>
              {marked && props.highlightNote && <span className="badge">{props.highlightNote}</span>}
              {props.actions?.(g)}
            </h3>
            <ul>
              {g.changes.map(({ change, index }) => (
                <li key={index} className={`change change-${change.kind}${removesData(change) ? ' destructive' : ''}`} data-testid={`${props.testid}-${index}`} title={change.path}>
                  {changeSentence(change, t, label)}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
