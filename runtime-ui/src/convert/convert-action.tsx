import type { ConversionPreview } from '../../../engine/shared/api/conversion';
import type { Describe, RecordData } from '../api/describe';
import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { conversionOf, convertPath } from './conversion-api';
import './convert.css';

/** Whether the record can be converted, was converted (into what), and whether that locks it. */
export interface ConversionStatus {
  convertible: boolean;
  converted?: ConversionPreview['converted'];
  /** Converted and read-only: the page offers no edit. */
  locked: boolean;
}

/** Asks the server (summary only) whether a record of an object with a conversion was converted. */
export function useConversionStatus(describe: Describe, record: RecordData): ConversionStatus {
  const conversion = conversionOf(describe);
  const status = useApi<ConversionPreview>(conversion ? `${convertPath(describe.object.name, record.id)}?summary=true&v=${record.version}` : null);
  const converted = status.data?.converted ?? undefined;
  return { convertible: !!conversion && describe.access.edit && status.data !== undefined && !converted, converted, locked: !!converted && (conversion?.source.readOnly ?? false) };
}

/** The header's Convert action, or — once converted — a "Converted" badge with links to what the record became. */
export function ConvertAction({ describe, record, status }: { describe: Describe; record: RecordData; status: ConversionStatus }) {
  const { t, label } = useI18n();
  const conversion = conversionOf(describe);
  if (status.converted) {
    return (
      <span className="cv-converted" data-testid="record-converted">
        <span className="rp-badge">{t('convert.converted')}</span>
        {Object.entries(status.converted.targets).map(([key, target]) => (
          <Link key={key} to={`/app/o/${encodeURIComponent(target.object)}/${encodeURIComponent(target.id)}`} data-testid={`record-converted-${key}`}>
            {label(conversion?.targets.find((x) => x.key === key)?.label, key)}
          </Link>
        ))}
      </span>
    );
  }
  if (!status.convertible) return null;
  return (
    <Link to={`/app/o/${encodeURIComponent(describe.object.name)}/${encodeURIComponent(record.id)}/convert`} className="rp-button" data-testid="record-convert">
      {t('convert.action')}
    </Link>
  );
}
