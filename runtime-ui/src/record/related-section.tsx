import type { RelatedListSpec } from './record-types';
import { RelatedList } from './related-list';
import { SectionBoundary } from './section-boundary';

/** Every related list of the record, each behind its own error boundary. */
export function RelatedSection({ specs, parentId, onAdded }: { specs: RelatedListSpec[]; parentId: string; onAdded(): void }) {
  const perObject = new Map<string, number>();
  for (const s of specs) perObject.set(s.object, (perObject.get(s.object) ?? 0) + 1);
  return (
    <div className="rp-related-lists">
      {specs.map((s) => (
        <SectionBoundary key={`${s.object}.${s.field}`}>
          {/* Two lookups from the same object (e.g. bill-to and ship-to) are told apart by the field's label. */}
          <RelatedList spec={s} parentId={parentId} qualify={(perObject.get(s.object) ?? 0) > 1} onAdded={onAdded} />
        </SectionBoundary>
      ))}
    </div>
  );
}
