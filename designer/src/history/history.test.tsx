// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawSnapshot } from '../../../engine/shared/metadata-types';
import type { StubAnswer, StubRequest } from '../../../runtime-ui/src/form/test-support';
import { deal, renderPage, saveDraft } from '../review/test-support';
import { stubMetadataApi } from '../test-support/metadata-api';
import { HistoryPage } from './history-page';
import { VersionPage } from './version-page';

const WAIT = { timeout: 3000 };
/** Version 2 had deal with notes; version 3 (current) dropped notes and renamed the label. */
const v2: RawSnapshot = { objects: { deal }, valueSets: {} };
const v1: RawSnapshot = { objects: { deal: { ...deal, fields: deal.fields.slice(0, 2) } }, valueSets: {} };
const v3: RawSnapshot = { objects: { deal: { ...deal, label: { en: 'Opportunity', 'zh-CN': '交易' }, fields: deal.fields.slice(0, 2) } }, valueSets: {} };
const SNAPSHOTS: Record<string, RawSnapshot> = { '1': v1, '2': v2, '3': v3 };
const entry = (version: number, name: string | undefined, plan: unknown[] = []) => ({ version, at: '2026-11-22T08:00:12.511Z', author: { id: `u-${version}`, ...(name ? { displayName: name } : {}) }, summary: `summary ${version}`, plan });
const addNotes = { kind: 'addColumn', object: 'deal', field: 'notes', description: 'add field deal.notes (textarea)', destructive: false, sql: ['ALTER TABLE "t"."deal" ADD COLUMN "notes" text'] };
const trashNotes = { kind: 'trashColumn', object: 'deal', field: 'notes', description: 'move deal.notes to the trash', destructive: true, sql: ['ALTER TABLE …'] };
const restoreNotes = { kind: 'restoreColumn', object: 'deal', field: 'notes', description: 'bring deal.notes back from the trash', destructive: false, sql: ['ALTER TABLE …'] };

/** The metadata API at version 3 with three publishes; `restore` answers POST …/restore. */
function api(restore: (req: StubRequest) => StubAnswer = () => ({ status: 500 })) {
  let version = 3;
  const publishes = [entry(3, 'Li Wei', [trashNotes]), entry(2, 'Ada', [addNotes]), entry(1, undefined)];
  return stubMetadataApi({
    published: () => ({ version, snapshot: SNAPSHOTS[String(Math.min(version, 3))]! }),
    more: (req) => {
      const m = /^\/metadata\/versions\/(\d+)$/.exec(req.path);
      if (m) return SNAPSHOTS[m[1]!] ? { status: 200, body: { version: Number(m[1]), snapshot: SNAPSHOTS[m[1]!] } } : { status: 404, body: { error: { code: 'METADATA_VERSION_NOT_FOUND', message: 'no' } } };
      if (req.path === '/admin/audit/publishes') {
        const before = Number(req.query.get('before') ?? Infinity);
        const limit = Number(req.query.get('limit'));
        const below = publishes.filter((p) => p.version < before);
        return { status: 200, body: { publishes: below.slice(0, limit), nextBefore: below.length > limit ? below[limit - 1]!.version : null } };
      }
      if (req.path.endsWith('/restore')) {
        const a = restore(req);
        if (req.query.get('dryRun') !== 'true' && a !== 'offline' && a.status === 200) version = (a.body as { version: number }).version;
        return a;
      }
      return undefined;
    },
  });
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('HistoryPage', () => {
  it('lists every version with its author, time, summary and steps, each linking to its page', async () => {
    const { calls } = api();
    renderPage(<HistoryPage />);
    const row3 = await screen.findByTestId('history-row-3', {}, WAIT);
    expect(row3.textContent).toContain('Li Wei');
    expect(row3.textContent).toContain('summary 3');
    expect(row3.textContent).toContain('1 to the trash');
    expect(row3.querySelector('time')!.getAttribute('dateTime')).toBe('2026-11-22T08:00:12.511Z');
    await waitFor(() => expect(row3.textContent).toContain('current'), WAIT);
    expect(screen.getByTestId('history-row-1').textContent).toContain('u-1');
    expect(screen.getByTestId('history-open-2').getAttribute('href')).toBe('/designer/history/2');
    expect(calls.some((c) => c.path === '/admin/audit/publishes')).toBe(true);
  });
});

describe('VersionPage', () => {
  it('shows what the version changed from the one before, and the plan it applied', async () => {
    api();
    renderPage(<VersionPage version="2" />);
    expect((await screen.findByTestId('version-change-0', {}, WAIT)).textContent).toBe('New field notes (textarea)');
    expect(screen.getByTestId('version-meta').textContent).toContain('Published by Ada');
    expect(screen.getByTestId('version-plan-step-0').textContent).toContain('add field deal.notes (textarea)');
  });

  it('restores: a dry run first showing the plan, confirmation of destructive steps, then the restore against the current version, then a reload', async () => {
    const { calls } = api((req) =>
      req.query.get('dryRun') === 'true' ? { status: 200, body: { version: 3, plan: [trashNotes], dryRun: true, changed: true } } : { status: 200, body: { version: 4, plan: [trashNotes], dryRun: false, changed: true } },
    );
    renderPage(<VersionPage version="1" />);
    await screen.findByTestId('version-restore-panel', {}, WAIT);
    await waitFor(() => expect((screen.getByTestId('version-restore') as HTMLButtonElement).disabled).toBe(false), WAIT);
    expect(calls.some((c) => c.path.endsWith('/restore'))).toBe(false);
    fireEvent.click(screen.getByTestId('version-restore'));

    const step = await screen.findByTestId('version-restore-step-0', {}, WAIT);
    expect(step.className).toContain('destructive');
    expect(screen.getByTestId('version-restore-change-0').textContent).toBe('Label (English): “Opportunity” → “Deal”');
    const run = screen.getByTestId('version-restore-run') as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('version-restore-confirm'));
    expect(run.disabled).toBe(false);
    const loadsBefore = calls.filter((c) => c.path === '/metadata/objects').length;
    fireEvent.click(run);

    expect((await screen.findByTestId('version-restored', {}, WAIT)).textContent).toContain('version 4 is now published');
    const restores = calls.filter((c) => c.path === '/metadata/versions/1/restore');
    expect(restores.map((c) => [c.method, Object.fromEntries(c.query)])).toEqual([
      ['POST', { dryRun: 'true', baseVersion: '3' }],
      ['POST', { confirm: 'true', baseVersion: '3' }],
    ]);
    expect(calls.filter((c) => c.path === '/metadata/objects').length).toBeGreaterThan(loadsBefore);
  });

  it('restores without asking for confirmation when nothing goes to the trash (confirm=false)', async () => {
    const { calls } = api((req) => ({ status: 200, body: { version: req.query.get('dryRun') === 'true' ? 3 : 4, plan: [restoreNotes], dryRun: req.query.get('dryRun') === 'true', changed: true } }));
    renderPage(<VersionPage version="2" />);
    await waitFor(() => expect((screen.getByTestId('version-restore') as HTMLButtonElement).disabled).toBe(false), WAIT);
    fireEvent.click(screen.getByTestId('version-restore'));
    expect((await screen.findByTestId('version-restore-step-0', {}, WAIT)).className).not.toContain('destructive');
    expect(screen.queryByTestId('version-restore-confirm')).toBeNull();
    expect(screen.getByTestId('version-restore-change-1').textContent).toBe('New field notes (textarea)');
    fireEvent.click(screen.getByTestId('version-restore-run'));
    await screen.findByTestId('version-restored', {}, WAIT);
    expect(Object.fromEntries(calls.filter((c) => c.path === '/metadata/versions/2/restore').at(-1)!.query)).toEqual({ confirm: 'false', baseVersion: '3' });
  });

  it('warns that an unpublished draft will conflict, and reports a colleague publishing first', async () => {
    saveDraft({ baseVersion: 3, objects: { deal: { ...deal, label: 'Deal!' } }, valueSets: {} });
    stubDryRunsToo();
    renderPage(<VersionPage version="2" />);
    expect((await screen.findByTestId('version-restore-draft-warning', {}, WAIT)).textContent).toContain('based on version 3');
    await waitFor(() => expect((screen.getByTestId('version-restore') as HTMLButtonElement).disabled).toBe(false), WAIT);
    fireEvent.click(screen.getByTestId('version-restore'));
    expect((await screen.findByTestId('version-restore-error', {}, WAIT)).textContent).toContain('Someone published version 7 meanwhile');
  });

  it('offers no restore for the current version', async () => {
    api();
    renderPage(<VersionPage version="3" />);
    expect(await screen.findByTestId('version-is-current', {}, WAIT)).toBeTruthy();
    expect(screen.queryByTestId('version-restore')).toBeNull();
  });
});

/** The API of `api()` whose restore answers a conflict, plus draft dry runs. */
function stubDryRunsToo() {
  const inner = api(() => ({ status: 409, body: { error: { code: 'METADATA_VERSION_CONFLICT', message: 'conflict', details: { currentVersion: 7 } } } }));
  const fetchStub = inner.fetchStub.getMockImplementation()!;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) =>
    String(input).includes('/metadata/changes') ? new Response(JSON.stringify({ version: 3, plan: [], dryRun: true, changed: true }), { status: 200 }) : fetchStub(input, init),
  );
}
