// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ObjectDef, RawObjectDef } from '../../../engine/shared/metadata-types';
import { defineObject, Providers, stubApi } from '../../../runtime-ui/src/form/test-support';
import { LayoutPreview } from './layout-preview';
import { previewDescribe, previewSchema } from './preview-describe';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const DEAL: RawObjectDef = {
  name: 'deal',
  label: 'Deal',
  fields: [
    { name: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' } },
    { name: 'stage', type: 'picklist', label: 'Stage', options: { values: [{ value: 'new', label: 'New' }, { value: 'won', label: 'Won' }] } },
    { name: 'total', type: 'formula', label: 'Total', options: { expression: { '*': [{ var: 'amount' }, 2] }, returns: 'number' } },
    { name: 'secret', type: 'text', label: 'Secret' },
  ],
  layout: {
    sections: [
      { label: { en: 'Money', 'zh-CN': '金额信息' }, columns: 2, fields: ['name', 'amount', 'total'] },
      { label: 'Progress', columns: 1, fields: ['stage'] },
    ],
  },
};
/** The draft's preview: the object as the server normalizes it. */
const preview = defineObject(DEAL).describe.object as unknown as ObjectDef;
const RECORD = { id: '11111111-1111-4111-8111-111111111111', version: 3, name: 'Big deal', owner_id: null, amount: 250, stage: 'won', total: 500, secret: null };

function renderPreview(published = true) {
  const api = stubApi((req) => (req.path === '/records/deal' ? { status: 200, body: { records: [RECORD] } } : undefined));
  render(
    <Providers>
      <LayoutPreview object="deal" state={{ status: 'ready', describe: previewDescribe(preview) }} published={published} />
    </Providers>,
  );
  return api;
}

const legends = () => [...screen.getByTestId('layout-preview').querySelectorAll('legend')].map((l) => l.textContent);
const labels = () => [...screen.getByTestId('layout-preview').querySelectorAll('.tf-label')].map((l) => l.textContent?.replace(/\s*\*$/, ''));

describe('layout preview', () => {
  it('renders the runtime form of the preview describe: its sections and fields, in order, and nothing unplaced', async () => {
    renderPreview();
    await waitFor(() => expect(legends()).toEqual(['Money', 'Progress']));
    expect(labels()).toEqual(['Name', 'Amount', 'Total', 'Stage']);
    expect(screen.getByTestId('layout-preview').textContent).not.toContain('Secret');
  });

  it('shows a real record, read-only', async () => {
    renderPreview();
    await waitFor(() => expect(screen.getByRole('option', { name: 'Big deal' })).toBeTruthy());
    fireEvent.change(screen.getByTestId('layout-preview-record'), { target: { value: RECORD.id } });
    await waitFor(() => expect((document.getElementById('root_name') as HTMLInputElement | null)?.value).toBe('Big deal'));
    // Every control sits in a disabled fieldset (browsers disable them all; happy-dom does not compute that).
    expect(document.getElementById('root_name')!.closest('fieldset.layout-preview-form')?.hasAttribute('disabled')).toBe(true);
  });

  it('never lets a submit reach the form (which would check and save the record)', async () => {
    const api = renderPreview();
    await waitFor(() => expect(document.getElementById('root_name')).toBeTruthy());
    fireEvent.submit(document.getElementById('root_name')!.closest('form')!);
    // Reaching the form, an empty new record would be refused on the spot ("Name" is required).
    expect(screen.queryByTestId('form-errors')).toBeNull();
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('asks for a valid draft before previewing', () => {
    stubApi(() => undefined);
    render(
      <Providers>
        <LayoutPreview object="deal" state={{ status: 'invalid' }} published={false} />
      </Providers>,
    );
    expect(screen.getByTestId('layout-preview-invalid').textContent).toBe("Fix the draft's problems to preview.");
  });

  it('writes a payload schema for the draft: writable fields with their JSON types, required ones on create', () => {
    const d = previewDescribe(preview);
    const create = previewSchema(d, 'create');
    expect(Object.keys(create.properties as object)).toEqual(['name', 'owner_id', 'amount', 'stage', 'secret']);
    expect((create.properties as Record<string, unknown>).amount).toMatchObject({ type: ['number', 'null'] });
    expect(create.required).toEqual(['name']);
    expect(previewSchema(d, 'update')).not.toHaveProperty('required');
    expect(d.access).toMatchObject({ create: true, edit: true, fields: { name: 'edit', amount: 'edit', total: 'read', created_at: 'read' } });
  });
});
