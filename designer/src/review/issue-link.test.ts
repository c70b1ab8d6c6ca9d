import { describe, expect, it } from 'vitest';
import { issueLink } from './issue-link';
import { deal } from './test-support';

const snapshot = { objects: { deal }, valueSets: {} };

describe('issueLink', () => {
  it('points each issue path at the designer page that edits it', () => {
    expect(issueLink('/objects/deal/fields/2/label', snapshot)).toBe('/designer/objects/deal/fields/notes');
    expect(issueLink('/objects/deal/fields/9', snapshot)).toBe('/designer/objects/deal');
    expect(issueLink('/objects/deal/validationRules/0/condition', snapshot)).toBe('/designer/objects/deal/rules');
    expect(issueLink('/objects/deal/layout/sections/1/fields/0', snapshot)).toBe('/designer/objects/deal/layout');
    expect(issueLink('/objects/deal/listViews/0/filter', snapshot)).toBe('/designer/objects/deal/views');
    expect(issueLink('/objects/deal/nameField/format', snapshot)).toBe('/designer/objects/deal');
    expect(issueLink('/valueSets/stage/values/2/label', snapshot)).toBe('/designer/value-sets/stage');
    expect(issueLink('/deleteObjects/0', snapshot)).toBeUndefined();
    expect(issueLink('/', snapshot)).toBeUndefined();
  });
});
