// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { useDraft } from '../draft/draft-store';
import { ACCOUNT, DEAL } from '../rule-builder/test-samples';
import { DesignerProviders } from '../test-support/designer-providers';
import { stubMetadataApi } from '../test-support/metadata-api';
import { DuplicateRulesPage } from './duplicate-rules-page';

const DEAL_WITH_RULE: RawObjectDef = { ...DEAL, duplicateRules: [{ name: 'same_name', label: { en: 'Same name', 'zh-CN': '名称相同' }, action: 'block', conditions: [{ field: 'name', method: 'company' }] }] };

function DraftDeal() {
  const d = useDraft().draft.objects.deal;
  return <output data-testid="draft-deal">{d ? JSON.stringify(d.duplicateRules) : ''}</output>;
}
const el = (id: string) => screen.getByTestId(id);
const change = (id: string, value: string) => fireEvent.change(el(id), { target: { value } });
const written = () => JSON.parse(el('draft-deal').textContent || 'null') as unknown;

async function renderPage(answerChanges?: () => { status: number; body: unknown }, locale: 'en' | 'zh-CN' = 'en') {
  stubMetadataApi({ objects: [DEAL_WITH_RULE, ACCOUNT], ...(answerChanges ? { answerChanges } : {}) });
  window.history.replaceState(null, '', '/designer/objects/deal/duplicates');
  render(
    <DesignerProviders locale={locale}>
      <DuplicateRulesPage object="deal" />
      <DraftDeal />
    </DesignerProviders>,
  );
  await screen.findByTestId('dup-add');
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('DuplicateRulesPage', () => {
  it('shows the object tabs and the rules; edits labels, action, conditions and fuzzy threshold into the draft', async () => {
    await renderPage();
    expect(document.querySelector('nav')).toBeTruthy();
    expect((el('dup-name-0') as HTMLInputElement).value).toBe('same_name');
    expect((el('dup-method-0-0') as HTMLSelectElement).value).toBe('company');
    change('dup-label-zh-0', '公司名称相同');
    change('dup-action-0', 'warn');
    fireEvent.click(el('dup-add-condition-0'));
    change('dup-method-0-1', 'fuzzy');
    change('dup-threshold-0-1', '0.8');
    expect(written()).toEqual([
      { name: 'same_name', label: { en: 'Same name', 'zh-CN': '公司名称相同' }, action: 'warn', conditions: [{ field: 'name', method: 'company' }, { field: 'name', method: 'fuzzy', threshold: 0.8 }] },
    ]);
    fireEvent.click(el('dup-active-0'));
    expect((written() as { active: boolean }[])[0]!.active).toBe(false);
  });

  it('adds and removes rules; a bad or repeated name is flagged', async () => {
    await renderPage();
    fireEvent.click(el('dup-add'));
    expect((written() as { name: string }[]).map((r) => r.name)).toEqual(['same_name', 'rule_2']);
    change('dup-name-1', 'same_name');
    expect(el('dup-name-problem-1').textContent).toContain('already has this name');
    change('dup-name-1', 'Bad Name');
    expect(el('dup-name-problem-1').textContent).toContain('lower-case');
    fireEvent.click(el('dup-remove-0'));
    fireEvent.click(el('dup-remove-0'));
    expect(written()).toEqual([]);
    expect(el('dup-none')).toBeTruthy();
  });

  it("shows the server's issues beside the rule they name", async () => {
    await renderPage(() => ({
      status: 422,
      body: { error: { code: 'METADATA_INVALID', message: 'invalid', details: { issues: [{ path: '/objects/deal/duplicateRules/0/conditions/0/method', code: 'INVALID_SETTING', message: '"phone" compares text; amount is not text (use "exact")' }] } } },
    }));
    change('dup-label-en-0', 'Changed');
    await waitFor(() => expect(el('dup-condition-issues-0-0').textContent).toBe('INVALID_SETTING"phone" compares text; amount is not text (use "exact")'), { timeout: 3000 });
    expect(screen.queryByTestId('dup-issues-0')).toBeNull();
  });

  it('speaks Chinese', async () => {
    await renderPage(undefined, 'zh-CN');
    expect(el('dup-add').textContent).toBe('添加规则');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('查重规则');
  });
});
