import type { RawConversion, RawConversionTarget } from '../../../engine/shared/metadata-types';
import { useDraft } from '../draft/draft-store';
import { issuesUnder, relativeIssues } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { useText } from '../i18n/text';
import { ObjectEditorPage } from '../shell/object-editor-page';
import { orderedList } from '../shell/ordered-list';
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
  const { check } = useDraft();
  const base = `/objects/${object}/conversion`;
  const general = issuesUnder(check.issues, base).filter((x) => !x.path.startsWith(`${base}/targets/`) && !x.path.startsWith(`${base}/source/`));
  return (
    <ObjectEditorPage object={object} className="conv-page" testId="conversion-page">
      {(def, update) => {
        const conversion = def.conversion;
        const write = (next: RawConversion | undefined) => {
          const { conversion: _old, ...rest } = def;
          update(next ? { ...rest, conversion: next } : rest);
        };
        return (
          <>
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
              <ConversionTargets object={object} conversion={conversion} base={base} write={write} />
            )}
          </>
        );
      }}
    </ObjectEditorPage>
  );
}

/** The targets of a conversion, what happens to the converted record, and the button that drops the conversion. */
function ConversionTargets({ object, conversion, base, write }: { object: string; conversion: RawConversion; base: string; write(next: RawConversion | undefined): void }) {
  const t = useText(conversionMessages);
  const { check } = useDraft();
  const targets = orderedList(conversion.targets, (next) => write({ ...conversion, targets: next }));
  return (
    <>
      <h3>{t('targets')}</h3>
      <ol className="conv-targets">
        {conversion.targets.map((_, i) => (
          <TargetEditor key={i} source={object} conversion={conversion} index={i} issues={relativeIssues(check.issues, `${base}/targets/${i}`)} onChange={(next) => targets.change(i, next)} onRemove={() => targets.remove(i)} />
        ))}
      </ol>
      <button type="button" onClick={() => targets.add({ key: freshKey(conversion.targets, 'target'), object: '', fields: {} })} data-testid="conv-add-target">
        {t('addTarget')}
      </button>
      <SourceSettings object={object} conversion={conversion} issues={relativeIssues(check.issues, `${base}/source`)} onChange={(source) => write({ ...conversion, source })} />
      <button type="button" className="link danger" onClick={() => write(undefined)} data-testid="conv-remove-all">
        {t('removeAll')}
      </button>
    </>
  );
}
