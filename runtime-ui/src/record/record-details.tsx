import type { FieldDef, PageLayout, RecordData } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { FieldValue, type DisplayNames } from './field-value';
import { SectionBoundary } from './section-boundary';

/** The record's fields laid out by the page layout: one card per section, in one or two columns. */
export function RecordDetails({ layout, fields, record, names }: { layout: PageLayout; fields: FieldDef[]; record: RecordData; names: DisplayNames }) {
  const { label } = useI18n();
  const byName = new Map(fields.map((f) => [f.name, f]));
  return (
    <>
      {layout.sections.map((s, i) => (
        <SectionBoundary key={i}>
          <section className="rp-card rp-section" data-testid="record-section">
            <h2>{label(s.label)}</h2>
            <dl className={`details rp-cols-${s.columns}`}>
              {s.fields.map((name) => {
                const f = byName.get(name);
                if (!f) return null;
                return (
                  <div key={name} data-field={name} className={f.type === 'textarea' ? 'rp-wide' : undefined}>
                    <dt>{label(f.label, f.name)}</dt>
                    <dd>
                      <FieldValue field={f} value={record[name]} names={names} />
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        </SectionBoundary>
      ))}
    </>
  );
}
