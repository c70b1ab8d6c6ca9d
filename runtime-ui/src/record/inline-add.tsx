import type { Describe, RecordData } from '../api/describe';
import { RecordForm } from '../form';

/**
 * "New" on a related list, in place: the child's form with the lookup to
 * this record filled in; saving closes it and refreshes the lists.
 */
export function InlineAdd({ describe, field, parentId, onSaved, onCancel }: { describe: Describe; field: string; parentId: string; onSaved(record: RecordData): void; onCancel(): void }) {
  return (
    <div className="rp-inline-add" data-testid={`inline-add-${describe.object.name}`}>
      <RecordForm describe={describe} initialValues={{ [field]: parentId }} onSaved={onSaved} onCancel={onCancel} />
    </div>
  );
}
