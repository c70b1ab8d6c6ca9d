// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawObjectDef, RawSnapshot } from '../../../engine/shared/metadata-types';
import type { StubAnswer, StubRequest } from '../../../runtime-ui/src/form/test-support';
import { stubMetadataApi } from '../test-support/metadata-api';
import { ReviewPage } from './review-page';
import { deal, renderPage, saveDraft } from './test-support';

const WAIT = { timeout: 3000 };
const published: RawSnapshot = { objects: { deal }, valueSets: {} };
const withoutNotes: RawObjectDef = { ...deal, fields: deal.fields.filter((f) => f.name !== 'notes') };
const trashStep = { kind: 'trashColumn', object: 'deal', field: 'notes', description: 'move deal.notes to the trash', destructive: true, sql: ['ALTER TABLE "t"."deal" RENAME COLUMN "notes" TO "_trash_v4_ab"'] };
const indexStep = { kind: 'createIndex', object: 'deal', description: 'index deal.amount', destructive: false, sql: ['CREATE INDEX …'] };
const refusal = (status: number, code: string, details: Record<string, unknown> = {}): StubAnswer => ({ status, body: { error: { code, message: `refused: ${code}`, details } } });

/** The metadata API at version 3 with `published`; `changes` answers POST /metadata/changes. */
function api(changes: (req: StubRequest) => StubAnswer, more: (req: StubRequest) => StubAnswer | undefined = () => undefined) {
  let version = 3;
  let current = published;
  const stub = stubMetadataApi({
    published: () => ({ version, snapshot: current }),
    answerChanges: (req) => {
      const a = changes(req);
      if (req.query.get('dryRun') !== 'true' && a !== 'offline' && a.status === 200) {
        version = (a.body as { version: number }).version;
        current = { objects: (req.body as RawSnapshot).objects, valueSets: {} };
      }
      return a;
    },
    more,
  });
  return { ...stub, setPublished: (v: number, s: RawSnapshot) => ((version = v), (current = s)) };
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ReviewPage', () => {
  it('says so when there is nothing to publish', async () => {
    api(() => ({ status: 500 }));
    renderPage(<ReviewPage />);
    expect(await screen.findByTestId('review-nothing', {}, WAIT)).toBeTruthy();
  });

  it('lists the draft changes as sentences grouped by object, the plan with destructive steps marked, and blocks publish until the trash is confirmed', async () => {
    saveDraft({ baseVersion: 3, objects: { deal: { ...withoutNotes, label: { en: 'Deal', 'zh-CN': '商机' } } }, valueSets: {} });
    const { calls } = api((req) => (req.query.get('dryRun') === 'true' ? { status: 200, body: { version: 3, plan: [trashStep, indexStep], dryRun: true, changed: true } } : { status: 200, body: { version: 4, plan: [trashStep, indexStep], dryRun: false, changed: true } }));
    renderPage(<ReviewPage />);

    const step0 = await screen.findByTestId('review-plan-step-0', {}, WAIT);
    expect(screen.getByTestId('review-change-0').textContent).toBe('Label (中文): “交易” → “商机”');
    expect(screen.getByTestId('review-change-1').textContent).toBe('Removes the field notes: its values move to the trash');
    expect(within(screen.getByTestId('review-change-group-object:deal')).getByRole('heading').textContent).toContain('Deal');
    expect(step0.className).toContain('destructive');
    expect(step0.textContent).toContain('move deal.notes to the trash');
    expect(step0.querySelector('pre')!.textContent).toContain('RENAME COLUMN "notes"');
    expect(screen.getByTestId('review-plan-step-1').className).not.toContain('destructive');

    const publish = screen.getByTestId('review-publish') as HTMLButtonElement;
    expect(publish.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('review-confirm-destructive'));
    expect(publish.disabled).toBe(false);
    fireEvent.change(screen.getByTestId('review-summary'), { target: { value: 'Drop notes from deals' } });
    fireEvent.click(publish);

    expect((await screen.findByTestId('review-published-version', {}, WAIT)).textContent).toContain('Published as version 4.');
    expect(screen.getByTestId('review-history-link').getAttribute('href')).toBe('/designer/history/4');
    const sent = calls.filter((c) => c.path === '/metadata/changes' && c.query.get('dryRun') !== 'true');
    expect(sent).toHaveLength(1);
    expect(Object.fromEntries(sent[0]!.query)).toEqual({ baseVersion: '3', confirm: 'true' });
    expect(sent[0]!.body).toMatchObject({ summary: 'Drop notes from deals', deleteObjects: [], objects: { deal: { name: 'deal' } } });
  });

  it('keeps publish disabled while the draft is invalid and shows the issues with their codes and links', async () => {
    const broken: RawObjectDef = { ...deal, fields: deal.fields.map((f) => (f.name === 'account' ? { ...f, options: { target: 'nowhere' } } : f)) };
    saveDraft({ baseVersion: 3, objects: { deal: broken }, valueSets: {} });
    api(() => refusal(400, 'METADATA_INVALID', { issues: [{ path: '/objects/deal/fields/1/options/target', code: 'UNKNOWN_TARGET', message: 'lookup target "nowhere" is not an object' }] }));
    renderPage(<ReviewPage />);

    const issue = await screen.findByTestId('review-issue-0', {}, WAIT);
    expect(issue.textContent).toContain('UNKNOWN_TARGET');
    expect(issue.textContent).toContain('lookup target "nowhere" is not an object');
    expect(screen.getByTestId('review-issue-link-0').getAttribute('href')).toBe('/designer/objects/deal/fields/account');
    expect(screen.getByTestId('review-problems').textContent).toContain('METADATA_INVALID');
    expect((screen.getByTestId('review-publish') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('review-confirm-destructive')).toBeNull();
  });

  it('on a conflict shows their changes beside the draft, marks what both touched, and rebases only when asked', async () => {
    const theirs: RawSnapshot = { objects: { deal: { ...deal, fields: [...deal.fields, { name: 'region', type: 'text', label: 'Region' }] } }, valueSets: {} };
    saveDraft({ baseVersion: 3, objects: { deal: withoutNotes }, valueSets: {} });
    let conflicted = true;
    const { calls, setPublished } = api(
      (req) => (conflicted || req.query.get('baseVersion') !== '4' ? refusal(409, 'METADATA_VERSION_CONFLICT', { currentVersion: 4 }) : { status: 200, body: { version: 4, plan: [trashStep], dryRun: true, changed: true } }),
      (req) => {
        if (req.path === '/metadata/versions/3') return { status: 200, body: { version: 3, snapshot: published } };
        if (req.path === '/metadata/versions/4') return { status: 200, body: { version: 4, snapshot: theirs } };
        if (req.path === '/admin/audit/publishes') return { status: 200, body: { publishes: [{ version: 4, at: '2026-11-22T08:00:00Z', author: { id: 'u-2', displayName: 'Li Wei' }, summary: 'region', plan: [] }], nextBefore: null } };
        return undefined;
      },
    );
    renderPage(<ReviewPage />);

    const panel = await screen.findByTestId('review-conflict', {}, WAIT);
    await waitFor(() => expect(panel.textContent).toContain('Li Wei published version 4'), WAIT);
    await within(panel).findByTestId('review-their-change-0');
    expect(screen.getByTestId('review-their-change-0').textContent).toBe('New field region (text)');
    expect(screen.getByTestId('review-your-change-0').textContent).toBe('Removes the field notes: its values move to the trash');
    expect(screen.getByTestId('review-their-change-group-object:deal').className).toContain('both-touched');
    expect(screen.getByTestId('review-your-change-group-object:deal').className).toContain('both-touched');
    expect(panel.textContent).toContain('your whole definition replaces theirs — their changes to deal are lost');
    expect(screen.queryByTestId('review-publish')).toBeNull();
    expect(calls.some((c) => c.path === '/metadata/changes' && c.query.get('dryRun') !== 'true')).toBe(false);

    conflicted = false;
    setPublished(4, theirs);
    fireEvent.click(screen.getByTestId('review-rebase'));
    await waitFor(() => expect(screen.queryByTestId('review-conflict')).toBeNull(), WAIT);
    expect(await screen.findByTestId('review-plan-step-0', {}, WAIT)).toBeTruthy();
    expect(calls.filter((c) => c.path === '/metadata/changes').at(-1)!.query.get('baseVersion')).toBe('4');
  });

  it('shows the conflict when the publish itself is answered 409', async () => {
    saveDraft({ baseVersion: 3, objects: { deal: { ...deal, label: 'Deal' } }, valueSets: {} });
    api(
      (req) => (req.query.get('dryRun') === 'true' ? { status: 200, body: { version: 3, plan: [], dryRun: true, changed: true } } : refusal(409, 'METADATA_VERSION_CONFLICT', { currentVersion: 5 })),
      (req) => (req.path.startsWith('/metadata/versions/') ? { status: 200, body: { version: 3, snapshot: published } } : undefined),
    );
    renderPage(<ReviewPage />);
    const publish = (await screen.findByText('No database changes: labels, settings and rules only.', {}, WAIT)) && (screen.getByTestId('review-publish') as HTMLButtonElement);
    await waitFor(() => expect(publish.disabled).toBe(false), WAIT);
    fireEvent.click(publish);
    expect((await screen.findByTestId('review-conflict', {}, WAIT)).textContent).toContain('Version 5 was published after you started your draft (based on version 3).');
    expect(screen.queryByText(/Publishing failed/)).toBeNull();
  });

  it('discards one object or the whole draft only after asking', async () => {
    saveDraft({ baseVersion: 3, objects: { deal: withoutNotes, gadget: { name: 'gadget', label: 'Gadget', fields: [] } }, valueSets: {} });
    api(() => ({ status: 200, body: { version: 3, plan: [], dryRun: true, changed: true } }));
    renderPage(<ReviewPage />);
    await screen.findByTestId('review-change-group-object:gadget', {}, WAIT);
    fireEvent.click(screen.getByTestId('review-discard-object-gadget'));
    fireEvent.click(screen.getByTestId('review-discard-object-gadget-yes'));
    await waitFor(() => expect(screen.queryByTestId('review-change-group-object:gadget')).toBeNull());
    expect(screen.getByTestId('review-change-group-object:deal')).toBeTruthy();
    fireEvent.click(screen.getByTestId('review-discard'));
    fireEvent.click(screen.getByTestId('review-discard-no'));
    expect(screen.getByTestId('review-change-group-object:deal')).toBeTruthy();
    fireEvent.click(screen.getByTestId('review-discard'));
    fireEvent.click(screen.getByTestId('review-discard-yes'));
    expect(await screen.findByTestId('review-nothing')).toBeTruthy();
    expect(localStorage.length).toBe(0);
  });

  it('reads the changes in Chinese', async () => {
    saveDraft({ baseVersion: 3, objects: { deal: { ...deal, fields: deal.fields.map((f) => (f.name === 'amount' ? { ...f, required: true } : f)) } }, valueSets: {} });
    api(() => ({ status: 200, body: { version: 3, plan: [], dryRun: true, changed: true } }));
    renderPage(<ReviewPage />, 'zh-CN');
    expect((await screen.findByTestId('review-change-0', {}, WAIT)).textContent).toBe('字段 amount：现在必填');
    expect(screen.getByTestId('review-change-group-object:deal').textContent).toContain('交易');
  });
});
