import type { RawConversion, RawConversionTarget } from '../../../engine/shared/metadata-types';
import { useDraft } from '../draft/draft-store';
import { issuesUnder, relativeIssues } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { useText } from '../i18n/text';
import { ObjectTabs } from '../shell/object-tabs';
import { emptyConversion } from './mapping-model';
import { conversionMessages } from './messages';
import { SourceSettings } from './source-settings';
import { TargetEditor } from './target-editor';
import './conversion.css';

/** A key for a new target: the object's name, numbered if taken. */
function freshKey(targets: RawConversionTarget[], base: string): string {
  const taken = new Set(targets.map((x) => x.key));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/**
 * An object's conversion (/designer/objects/:object/conversion): its targets,
 * each target field beside the source field or expression that fills it
 * (type warnings from the shared rule checker as the admin edits, the
 * server's METADATA_MAPPING_INVALID issues inline), links between targets,
 * and what happens to the converted record. Every edit writes the whole
 * object into the draft.
 */
export function ConversionPage({ object }: { object: string }) {
  const t = useText(conversionMessages);
  const { snapshot, putObject, check } = useDraft();
  const def = snapshot.objects[object];
  if (!def)
    return (
      <>
        <ObjectTabs object={object} />
        <p role="alert">{t('notFound', { object })}</p>
      </>
    );
  const base = `/objects/${object}/conversion`;
  const conversion = def.conversion;
  const write = (next: RawConversion | undefined) => {
    const { conversion: _old, ...rest } = def;
    putObject(next ? { ...rest, conversion: next } : rest);
  };
  const setTarget = (i: number, next: RawConversionTarget) => conversion && write({ ...conversion, targets: conversion.targets.map((x, j) => (j === i ? next : x)) });
  const removeTarget = (i: number) => conversion && write({ ...conversion, targets: conversion.targets.filter((_, j) => j !== i) });
  const addTarget = () => {
    if (!conversion) return;
    write({ ...conversion, targets: [...conversion.targets, { key: freshKey(conversion.targets, 'target'), object: '', fields: {} }] });
  };
  const general = issuesUnder(check.issues, base).filter((x) => !x.path.startsWith(`${base}/targets/`) && !x.path.startsWith(`${base}/source/`));
  return (
    <div className="conv-page" data-testid="conversion-page">
      <ObjectTabs object={object} />
      <h2>{t('title')}</h2>
      <p className="rules-help">{t('intro')}</p>
      <IssueList issues={general} testId="conv-issues" />
      {!conversion ? (
        <>
          <p data-testid="conv-none">{t('none')}</p>
          <button type="button" onClick={() => write(emptyConversion())} data-testid="conv-add">
            {t('add')}
          </button>
        </>
      ) : (
        <>
          <h3>{t('targets')}</h3>
          <ol className="conv-targets">
            {conversion.targets.map((_, i) => (
              <TargetEditor key={i} source={object} conversion={conversion} index={i} issues={relativeIssues(check.issues, `${base}/targets/${i}`)} onChange={(next) => setTarget(i, next)} onRemove={() => removeTarget(i)} />
            ))}
          </ol>
          <button type="button" onClick={addTarget} data-testid="conv-add-target">
            {t('addTarget')}
          </button>
          <SourceSettings object={object} conversion={conversion} issues={relativeIssues(check.issues, `${base}/source`)} onChange={(source) => write({ ...conversion, source })} />
          <button type="button" className="link danger" onClick={() => write(undefined)} data-testid="conv-remove-all">
            {t('removeAll')}
          </button>
        </>
      )}
    </div>
  );
}
