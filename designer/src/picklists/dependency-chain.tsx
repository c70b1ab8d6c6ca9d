import { Fragment } from 'react';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useText } from '../i18n/text';
import { dependencyChain } from './dependency-model';
import { picklistMessages } from './messages';

/** The cascade the field sits in, e.g. "Province → City → District", with the field itself in bold. */
export function DependencyChain({ def, field, controlling }: { def: RawObjectDef | undefined; field: string; controlling: string | undefined }) {
  const t = useText(picklistMessages);
  const { label } = useI18n();
  const { above, below } = dependencyChain(def, field, controlling);
  if (!above.length && !below.length) return null;
  const nameOf = (n: string) => label(def?.fields.find((f) => f.name === n)?.label, n);
  const steps = [...above.map((n) => <span key={n}>{nameOf(n)}</span>), <strong key={field}>{nameOf(field)}</strong>, ...below.map((level) => <span key={level.join('/')}>{level.map(nameOf).join(' / ')}</span>)];
  return (
    <p className="dependency-chain" data-testid="dependency-chain">
      <span className="dependency-chain-title">{t('depChain')}:</span>{' '}
      {steps.map((s, i) => (
        <Fragment key={i}>
          {i > 0 && ' → '}
          {s}
        </Fragment>
      ))}
    </p>
  );
}
