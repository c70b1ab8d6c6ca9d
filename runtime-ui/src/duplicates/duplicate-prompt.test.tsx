// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT, DEAL } from '../form/deal-fixture';
import { RecordForm } from '../form/record-form';
import { defineObject, Providers, stubApi } from '../form/test-support';
import type { Locale } from '../i18n/i18n';
import { DuplicatePrompt } from './duplicate-prompt';
import type { DuplicateRefusal } from './duplicate-matches';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  sessionStorage.clear();
});

const ID = '33333333-3333-4333-8333-333333333333';
const WARN: DuplicateRefusal = { blocked: false, matches: [{ rule: 'same_phone', label: 'Same phone', action: 'warn', records: [{ id: ID, name: '上海云杉科技有限公司' }] }] };
const BLOCK: DuplicateRefusal = { blocked: true, matches: [{ rule: 'same_company', label: '公司相同', action: 'block', records: [], hidden: 1 }] };

function renderPrompt(refusal: DuplicateRefusal, locale: Locale = 'en') {
  const onSaveAnyway = vi.fn();
  const onCancel = vi.fn();
  stubApi(() => undefined);
  render(
    <Providers locale={locale}>
      <DuplicatePrompt object="account" refusal={refusal} busy={false} onSaveAnyway={onSaveAnyway} onCancel={onCancel} />
    </Providers>,
  );
  return { onSaveAnyway, onCancel };
}

describe('DuplicatePrompt', () => {
  it('a warning lists the matches as links and offers "Save anyway" or "Cancel"', () => {
    const { onSaveAnyway, onCancel } = renderPrompt(WARN);
    const prompt = screen.getByTestId('duplicate-prompt');
    expect(prompt.textContent).toContain('Possible duplicates found');
    expect(prompt.textContent).toContain('Same phone: 上海云杉科技有限公司');
    expect(screen.getByTestId('duplicate-link').getAttribute('href')).toBe(`/app/o/account/${ID}`);
    fireEvent.click(screen.getByTestId('duplicate-save-anyway'));
    fireEvent.click(screen.getByTestId('duplicate-cancel'));
    expect(onSaveAnyway).toHaveBeenCalledOnce();
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('a block offers no way to save, and counts records the user cannot see without naming them (zh-CN)', () => {
    renderPrompt(BLOCK, 'zh-CN');
    const prompt = screen.getByTestId('duplicate-prompt');
    expect(prompt.textContent).toContain('该记录与已有记录重复，无法保存。');
    expect(prompt.textContent).toContain('公司相同: 1 条你无权查看的记录');
    expect(screen.queryByTestId('duplicate-save-anyway')).toBeNull();
    expect(screen.queryByTestId('duplicate-link')).toBeNull();
    expect(screen.getByTestId('duplicate-cancel').textContent).toBe('取消');
  });
});

describe('RecordForm with duplicate rules', () => {
  const deal = defineObject(DEAL, {}, [ACCOUNT]);
  const fill = () => {
    const el = document.getElementById('root_name') as HTMLInputElement;
    fireEvent.focus(el);
    fireEvent.change(el, { target: { value: 'Yunshan' } });
  };

  it('a 409 warning shows the prompt; "Save anyway" sends the same values again with ?allowDuplicates=true', async () => {
    const saved = { id: ID, version: 1, name: 'Yunshan' };
    const api = stubApi((r) => {
      if (r.method !== 'POST') return undefined;
      return r.query.get('allowDuplicates') === 'true' ? { status: 201, body: saved } : { status: 409, body: { error: { code: 'RECORD_DUPLICATE_WARNING', message: 'possible duplicate', details: { matches: WARN.matches } } } };
    });
    const onSaved = vi.fn();
    render(
      <Providers>
        <RecordForm describe={deal.describe} schema={deal.schema('create')} onSaved={onSaved} />
      </Providers>,
    );
    await screen.findByLabelText(/Name/);
    fill();
    fireEvent.click(screen.getByTestId('form-save'));
    await screen.findByTestId('duplicate-prompt');
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.queryByTestId('form-errors')).toBeNull();
    fireEvent.click(screen.getByTestId('duplicate-save-anyway'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    const posts = api.calls.filter((c) => c.method === 'POST');
    expect(posts.map((p) => p.query.get('allowDuplicates'))).toEqual([null, 'true']);
    expect(posts[1]!.body).toEqual(posts[0]!.body);
  });

  it('a 409 block shows the matches with no way to save; Cancel goes back to editing with the values kept', async () => {
    const api = stubApi((r) => (r.method === 'POST' ? { status: 409, body: { error: { code: 'RECORD_DUPLICATE', message: 'duplicate', details: { matches: BLOCK.matches } } } } : undefined));
    render(
      <Providers>
        <RecordForm describe={deal.describe} schema={deal.schema('create')} onSaved={vi.fn()} />
      </Providers>,
    );
    await screen.findByLabelText(/Name/);
    fill();
    fireEvent.click(screen.getByTestId('form-save'));
    await screen.findByTestId('duplicate-prompt');
    expect(screen.queryByTestId('duplicate-save-anyway')).toBeNull();
    fireEvent.click(screen.getByTestId('duplicate-cancel'));
    await waitFor(() => expect(screen.queryByTestId('duplicate-prompt')).toBeNull());
    expect((document.getElementById('root_name') as HTMLInputElement).value).toBe('Yunshan');
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });
});
