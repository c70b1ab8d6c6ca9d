// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawAssignmentRule, RawObjectDef } from '../../../engine/shared/metadata-types';
import type { StubRequest } from '../../../runtime-ui/src/form/test-support';
import type { DraftIssue } from '../draft/draft-types';
import { useDraft } from '../draft/draft-store';
import { ACCOUNT, DEAL } from '../rule-builder/test-samples';
import { DesignerProviders } from '../test-support/designer-providers';
import { stubMetadataApi } from '../test-support/metadata-api';
import { AssignmentRulesPage } from './assignment-rules-page';

const USERS = [
  { id: 'u-ann', email: 'ann@x.test', displayName: 'Ann', active: true, isAdmin: false, locale: 'en' },
  { id: 'u-bob', email: 'bob@x.test', displayName: 'Bob', active: true, isAdmin: false, locale: 'en' },
  { id: 'u-cat', email: 'cat@x.test', displayName: 'Cat', active: false, isAdmin: false, locale: 'en' },
];
const ROLES = [{ id: 'r-1', name: 'rep', label: { en: 'Sales rep', 'zh-CN': '销售代表' }, parentId: null }];

const RULES: RawAssignmentRule[] = [
  { name: 'big', criteria: { '>': [{ var: 'amount' }, 1000] }, assignTo: { type: 'user', user: 'ANN@x.test' } },
  { name: 'web', active: false, assignTo: { type: 'roundRobin', role: 'rep' } },
  { name: 'stages', assignTo: { type: 'territory', field: 'stage', map: { new: 'u-bob', won: 'cat@x.test' }, fallback: 'ann@x.test' } },
];
const DEAL_WITH_RULES: RawObjectDef = { ...DEAL, assignmentRules: RULES };

/** The deal's assignment rules as the draft holds them (what the page wrote with putObject). */
function DraftRules() {
  const d = useDraft().draft.objects.deal;
  return <output data-testid="draft-rules">{d ? JSON.stringify(d.assignmentRules) : ''}</output>;
}

const el = (id: string) => screen.getByTestId(id);
const change = (id: string, value: string) => fireEvent.change(el(id), { target: { value } });
const value = (id: string) => (el(id) as HTMLSelectElement | HTMLInputElement).value;
const written = () => JSON.parse(el('draft-rules').textContent || 'null') as RawAssignmentRule[];

let posted: StubRequest[] = [];
async function renderPage(issues?: DraftIssue[]) {
  posted = stubMetadataApi({
    objects: [DEAL_WITH_RULES, ACCOUNT],
    ...(issues ? { issues } : {}),
    more: (req) => (req.path === '/admin/users' ? { status: 200, body: { users: USERS } } : req.path === '/admin/roles' ? { status: 200, body: { roles: ROLES } } : undefined),
  }).changes;
  window.history.replaceState(null, '', '/designer/objects/deal/assignment');
  render(
    <DesignerProviders>
      <AssignmentRulesPage object="deal" />
      <DraftRules />
    </DesignerProviders>,
  );
  await screen.findByTestId('assign-add');
  await waitFor(() => expect(screen.getAllByText('Ann <ann@x.test>').length).toBeGreaterThan(0));
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('assignment rules page', () => {
  it('shows the object tabs first and each rule: criteria in the builder, its user, role or territory matrix', async () => {
    await renderPage();
    const page = document.querySelector('.assign-page')!;
    expect(page.firstElementChild!.querySelector('[data-testid="object-tab-tabAssignment"]')).toBeTruthy();
    expect(el('object-tab-tabAssignment').getAttribute('aria-selected')).toBe('true');
    expect(value('assign-name-0')).toBe('big');
    expect(value('assign-criteria-0-field-0')).toBe('amount');
    expect(value('assign-to-0-type')).toBe('user');
    expect(value('assign-to-0-user')).toBe('ann@x.test');
    expect((el('assign-active-1') as HTMLInputElement).checked).toBe(false);
    expect(value('assign-to-1-pool')).toBe('role');
    await waitFor(() => expect(value('assign-to-1-role')).toBe('rep'));
    expect(screen.getByText('Sales rep (rep)')).toBeTruthy();
    expect(value('assign-to-2-field')).toBe('stage');
    expect(value('assign-to-2-map-new')).toBe('bob@x.test');
    // The inactive user stays as written, marked, and the admin is told why the rule would be skipped.
    expect(value('assign-to-2-map-won')).toBe('cat@x.test');
    expect(screen.getByText('Cat <cat@x.test> (inactive)')).toBeTruthy();
    expect(el('assign-to-2-map-won-problem').textContent).toContain('skipped');
    expect(value('assign-to-2-fallback')).toBe('ann@x.test');
    expect([...(el('assign-to-0-user') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['', 'ann@x.test', 'bob@x.test']);
  });

  it('adds a rule with criteria and a user, reorders, deactivates and removes, writing the whole object', async () => {
    await renderPage();
    fireEvent.click(el('assign-add'));
    expect(value('assign-name-3')).toBe('assign_4');
    change('assign-name-3', 'won_deals');
    fireEvent.click(el('assign-criteria-3-add-condition'));
    change('assign-criteria-3-field-0', 'won');
    change('assign-to-3-user', 'bob@x.test');
    expect(written()[3]).toStrictEqual({ name: 'won_deals', active: true, assignTo: { type: 'user', user: 'bob@x.test' }, criteria: written()[3]!.criteria });
    expect(JSON.stringify(written()[3]!.criteria)).toContain('"won"');
    fireEvent.click(el('assign-up-3'));
    expect(written().map((r) => r.name)).toEqual(['big', 'web', 'won_deals', 'stages']);
    fireEvent.click(el('assign-active-0'));
    expect(written()[0]!.active).toBe(false);
    fireEvent.click(el('assign-remove-1'));
    expect(written().map((r) => r.name)).toEqual(['big', 'won_deals', 'stages']);
    await waitFor(() => expect(posted.length).toBeGreaterThan(0), { timeout: 3000 });
    const body = posted.at(-1)!.body as { objects: Record<string, RawObjectDef> };
    expect(body.objects.deal!.fields).toStrictEqual(DEAL.fields);
    expect(body.objects.deal!.assignmentRules!.map((r) => r.name)).toEqual(['big', 'won_deals', 'stages']);
  });

  it('edits round-robin over a list of users and a territory matrix with its fallback', async () => {
    await renderPage();
    change('assign-to-0-type', 'roundRobin');
    expect(written()[0]!.assignTo).toEqual({ type: 'roundRobin', users: ['ANN@x.test'] });
    fireEvent.click(el('assign-to-0-add-user'));
    change('assign-to-0-user-1', 'bob@x.test');
    expect(written()[0]!.assignTo).toEqual({ type: 'roundRobin', users: ['ANN@x.test', 'bob@x.test'] });
    fireEvent.click(el('assign-to-0-remove-user-0'));
    expect(written()[0]!.assignTo).toEqual({ type: 'roundRobin', users: ['bob@x.test'] });
    change('assign-to-0-pool', 'role');
    change('assign-to-0-role', 'rep');
    expect(written()[0]!.assignTo).toEqual({ type: 'roundRobin', role: 'rep' });

    change('assign-to-2-map-won', 'ann@x.test');
    change('assign-to-2-map-new', '');
    change('assign-to-2-fallback', '');
    expect(written()[2]!.assignTo).toEqual({ type: 'territory', field: 'stage', map: { won: 'ann@x.test' } });
    change('assign-to-2-field', 'title');
    change('assign-to-2-new-key', 'Zhejiang');
    fireEvent.click(el('assign-to-2-add-key'));
    change('assign-to-2-map-Zhejiang', 'bob@x.test');
    expect(written()[2]!.assignTo).toEqual({ type: 'territory', field: 'title', map: { won: 'ann@x.test', Zhejiang: 'bob@x.test' } });
  });

  it("shows the server's issues on the rule they name and above the list", async () => {
    localStorage.clear();
    await renderPage([
      { path: '/objects/deal/assignmentRules/2/assignTo/field', code: 'UNKNOWN_FIELD', message: 'deal has no field "stage2"' },
      { path: '/objects/deal/assignmentRules/0/criteria/>/0', code: 'RULE_INVALID', message: 'amount is not a number' },
      { path: '/objects/deal/assignmentRules', code: 'INVALID_SETTING', message: 'too many rules' },
    ]);
    change('assign-name-1', 'web2');
    await waitFor(() => expect(el('assign-issues-2').textContent).toContain('deal has no field "stage2"'), { timeout: 3000 });
    expect(el('assign-issues-2').textContent).toContain('UNKNOWN_FIELD');
    expect(el('assign-list-issues').textContent).toContain('too many rules');
    expect(screen.queryByTestId('assign-issues-0')?.textContent ?? '').not.toContain('amount is not a number');
    expect(screen.getByText(/amount is not a number/)).toBeTruthy();
  });

  it('says when the object has no rules or does not exist', async () => {
    stubMetadataApi({ objects: [DEAL], more: (req) => (req.path === '/admin/users' ? { status: 200, body: { users: USERS } } : req.path === '/admin/roles' ? { status: 200, body: { roles: ROLES } } : undefined) });
    render(
      <DesignerProviders>
        <AssignmentRulesPage object="deal" />
        <AssignmentRulesPage object="nothing" />
      </DesignerProviders>,
    );
    expect((await screen.findByTestId('assign-none')).textContent).toBe('This object has no assignment rules yet.');
    expect(screen.getByRole('alert').textContent).toBe('There is no object "nothing" in the draft.');
  });
});
