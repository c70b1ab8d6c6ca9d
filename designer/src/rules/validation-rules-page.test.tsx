// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import type { StubRequest } from '../../../runtime-ui/src/form/test-support';
import { useDraft } from '../draft/draft-store';
import { ACCOUNT, DEAL } from '../rule-builder/test-samples';
import { DesignerProviders } from '../test-support/designer-providers';
import { stubMetadataApi } from '../test-support/metadata-api';
import { ValidationRulesPage } from './validation-rules-page';

const DEAL_WITH_RULE: RawObjectDef = {
  ...DEAL,
  validationRules: [{ name: 'big_needs_account', condition: { and: [{ '>': [{ var: 'amount' }, 1000] }, { is_empty: [{ var: 'account' }] }] }, message: { en: 'Big deals need an account', 'zh-CN': '大额商机必须关联客户' }, errorField: 'account' }],
};

/** The deal as the draft holds it (what the page wrote with putObject). */
function DraftDeal() {
  const d = useDraft().draft.objects.deal;
  return <output data-testid="draft-deal">{d ? JSON.stringify(d.validationRules) : ''}</output>;
}

const el = (id: string) => screen.getByTestId(id);
const change = (id: string, value: string) => fireEvent.change(el(id), { target: { value } });
const written = () => JSON.parse(el('draft-deal').textContent || 'null') as unknown;

/** The requests to POST /metadata/changes in the current test. */
let posted: StubRequest[] = [];
async function renderPage(answerChanges?: () => { status: number; body: unknown }) {
  posted = stubMetadataApi({ objects: [DEAL_WITH_RULE, ACCOUNT], ...(answerChanges ? { answerChanges } : {}) }).changes;
  window.history.replaceState(null, '', '/designer/objects/deal/rules');
  render(
    <DesignerProviders>
      <ValidationRulesPage object="deal" />
      <DraftDeal />
    </DesignerProviders>,
  );
  await screen.findByTestId('rules-add');
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('validation rules page', () => {
  it('shows the object tabs and each rule with its condition in the builder', async () => {
    await renderPage();
    expect(el('object-tab-tabRules').getAttribute('aria-selected')).toBe('true');
    expect((el('rules-name-0') as HTMLInputElement).value).toBe('big_needs_account');
    expect((el('rules-condition-0-field-0') as HTMLSelectElement).value).toBe('amount');
    expect((el('rules-condition-0-op-1') as HTMLSelectElement).value).toBe('is_empty');
    expect((el('rules-message-zh-0') as HTMLInputElement).value).toBe('大额商机必须关联客户');
    expect((el('rules-error-field-0') as HTMLSelectElement).value).toBe('account');
    expect((el('rules-active-0') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('When this is true, the save is refused.')).toBeTruthy();
  });

  it('adds a rule built in the visual builder and writes the whole object', async () => {
    await renderPage();
    fireEvent.click(el('rules-add'));
    expect((el('rules-name-1') as HTMLInputElement).value).toBe('rule_2');
    change('rules-name-1', 'no_past_close');
    fireEvent.click(el('rules-condition-1-add-condition'));
    change('rules-condition-1-field-0', 'close_date');
    change('rules-condition-1-op-0', 'lt');
    change('rules-condition-1-value-0-kind', 'relative');
    change('rules-condition-1-value-0', '0');
    change('rules-message-en-1', 'The close date is in the past');
    change('rules-message-zh-1', '结束日期已过');
    change('rules-error-field-1', 'close_date');
    fireEvent.click(el('rules-active-1'));
    expect(written()).toStrictEqual([
      DEAL_WITH_RULE.validationRules![0],
      { name: 'no_past_close', condition: { '<': [{ var: 'close_date' }, { add_days: [{ today: [] }, 0] }] }, message: { en: 'The close date is in the past', 'zh-CN': '结束日期已过' }, active: false, errorField: 'close_date' },
    ]);
    await waitFor(() => expect(posted.length).toBeGreaterThan(0), { timeout: 3000 });
    const body = posted.at(-1)!.body as { objects: Record<string, RawObjectDef> };
    expect(body.objects.deal!.fields).toStrictEqual(DEAL.fields);
  });

  it('checks names: the pattern and uniqueness', async () => {
    await renderPage();
    change('rules-name-0', 'Big Deal');
    expect(el('rules-name-problem-0').textContent).toMatch(/lower-case letters/);
    fireEvent.click(el('rules-add'));
    change('rules-name-0', 'dup');
    change('rules-name-1', 'dup');
    expect(el('rules-name-problem-1').textContent).toBe('Another rule of this object already has this name.');
  });

  it('reorders and removes rules', async () => {
    await renderPage();
    fireEvent.click(el('rules-add'));
    fireEvent.click(el('rules-down-0'));
    expect((written() as { name: string }[]).map((r) => r.name)).toStrictEqual(['rule_2', 'big_needs_account']);
    expect((el('rules-condition-1-field-0') as HTMLSelectElement).value).toBe('amount');
    fireEvent.click(el('rules-remove-1'));
    expect((written() as { name: string }[]).map((r) => r.name)).toStrictEqual(['rule_2']);
    fireEvent.click(el('rules-remove-0'));
    expect(written()).toStrictEqual([]);
    expect(el('rules-none')).toBeTruthy();
  });

  it("shows the server's issues beside the rule they name", async () => {
    await renderPage(() => ({
      status: 422,
      body: {
        error: {
          code: 'METADATA_RULE_INVALID',
          message: 'invalid rules',
          details: {
            issues: [
              { path: '/objects/deal/validationRules/0/condition/and/0/>/0/var', code: 'RULE_INVALID', message: 'unknown field "amount2"' },
              { path: '/objects/deal/validationRules/0/errorField', code: 'UNKNOWN_FIELD', message: 'field "gone" does not exist' },
            ],
          },
        },
      },
    }));
    change('rules-message-en-0', 'Changed');
    await waitFor(() => expect(el('rules-condition-0-server-issues').textContent).toContain('unknown field "amount2"'), { timeout: 3000 });
    expect(el('rules-condition-0-server-issues').textContent).toContain('/and/0/>/0/var');
    expect(el('rules-issues-0').textContent).toBe('UNKNOWN_FIELDfield "gone" does not exist /errorField');
  });

  it('speaks Chinese', async () => {
    stubMetadataApi({ objects: [DEAL_WITH_RULE, ACCOUNT] });
    render(
      <DesignerProviders locale="zh-CN">
        <ValidationRulesPage object="deal" />
      </DesignerProviders>,
    );
    expect((await screen.findByTestId('rules-add')).textContent).toBe('添加规则');
    expect(screen.getByText('条件为真时，保存会被拒绝。')).toBeTruthy();
  });
});
