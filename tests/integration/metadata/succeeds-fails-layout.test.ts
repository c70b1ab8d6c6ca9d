import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

/** Page layouts in object metadata: checked at publish, normalized in describe. */
let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('layout');
  await t.admin.defineObject({ name: 'firm', label: 'Firm', fields: [{ name: 'city', type: 'text', label: 'City' }, { name: 'phone', type: 'phone', label: 'Phone' }] });
  await t.admin.defineObject({ name: 'person', label: 'Person', fields: [{ name: 'firm', type: 'lookup', label: 'Firm', options: { target: 'firm' } }, { name: 'title', type: 'text', label: 'Title' }] });
});
afterAll(() => t?.close());

const firm = (layout: unknown) => ({ name: 'firm', label: 'Firm', fields: [{ name: 'city', type: 'text', label: 'City' }, { name: 'phone', type: 'phone', label: 'Phone' }], layout });

it('publishes a layout and describe answers it normalized', async () => {
  await t.admin.defineObject(firm({ sections: [{ label: { en: 'Main', 'zh-CN': '基本信息' }, fields: ['name', 'city'] }, { label: 'Contact', columns: 1, fields: ['phone'] }], relatedLists: [{ object: 'person', field: 'firm', columns: ['name', 'title'] }] }) as never);
  const d = (await t.admin.get('/metadata/objects/firm/describe')).body;
  expect(d.object.layout).toEqual({
    sections: [{ label: { en: 'Main', 'zh-CN': '基本信息' }, columns: 2, fields: ['name', 'city'] }, { label: { en: 'Contact', 'zh-CN': 'Contact' }, columns: 1, fields: ['phone'] }],
    headerFields: ['name', 'city'],
    relatedLists: [{ object: 'person', field: 'firm', columns: ['name', 'title'] }],
  });
});

it('refuses unknown or twice-placed fields and related lists that do not point here, writing nothing', async () => {
  const before = (await t.admin.get('/metadata/versions')).body;
  const cases: [unknown, string, string][] = [
    [{ sections: [{ label: 'A', fields: ['nope'] }] }, '/layout/sections/0/fields/0', 'UNKNOWN_FIELD'],
    [{ sections: [{ label: 'A', fields: ['city'] }, { label: 'B', fields: ['city'] }] }, '/layout/sections/1/fields/0', 'DUPLICATE_FIELD'],
    [{ sections: [{ label: 'A', fields: ['city'] }], headerFields: ['ghost'] }, '/layout/headerFields/0', 'UNKNOWN_FIELD'],
    [{ sections: [{ label: 'A', fields: ['city'] }], relatedLists: [{ object: 'person', field: 'title' }] }, '/layout/relatedLists/0/field', 'LAYOUT_INVALID'],
    [{ sections: [{ label: 'A', fields: ['city'] }], relatedLists: [{ object: 'ghost', field: 'firm' }] }, '/layout/relatedLists/0/object', 'UNKNOWN_OBJECT'],
    [{ sections: [{ label: 'A', fields: ['city'] }], relatedLists: [{ object: 'person', field: 'firm', columns: ['created_at', 'salary'] }] }, '/layout/relatedLists/0/columns/1', 'UNKNOWN_FIELD'],
  ];
  for (const [layout, path, code] of cases) {
    const res = await t.admin.put('/metadata/objects/firm', firm(layout));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.details.issues).toContainEqual(expect.objectContaining({ path, code }));
  }
  const bad = await t.admin.put('/metadata/objects/firm', firm({ sections: [] }));
  expect(bad.status).toBe(400);
  expect((await t.admin.get('/metadata/versions')).body).toEqual(before);
});
