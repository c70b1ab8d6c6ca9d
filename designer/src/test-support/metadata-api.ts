/**
 * The metadata API as the designer's component tests see it (never imported
 * by the app): a fetch stub serving published objects, value sets and field
 * types, a dry run of POST /metadata/changes, and an admin at /auth/me.
 */
import { fieldTypeCatalogue } from '../../../engine/field-types/catalogue';
import { FieldTypeRegistry } from '../../../engine/field-types/registry';
import type { RawObjectDef, RawSnapshot, RawValueSet } from '../../../engine/shared/metadata-types';
import { stubApi, type StubAnswer, type StubRequest } from '../../../runtime-ui/src/form/test-support';
import type { DraftIssue, PlanStep } from '../draft/draft-types';

/** Every field type with its settings schema, as GET /metadata/field-types answers (from the engine's own registry). */
export const FIELD_TYPES = fieldTypeCatalogue(new FieldTypeRegistry());

/** The signed-in user GET /auth/me answers: an administrator, as the designer needs. */
export const ADMIN = { id: 'u-1', email: 'ada@x.test', displayName: 'Ada', isAdmin: true, locale: 'en', tenant: 't', department: 'sales', roles: ['admin'] };

/** What the stubbed metadata API serves and how it answers a publish or dry run. */
export interface MetadataStub {
  /** Published objects at version 1 (unless `published` says otherwise). */
  objects?: RawObjectDef[];
  /** Published value sets at version 1 (unless `published` says otherwise). */
  valueSets?: RawValueSet[];
  /** The published version and metadata, read at each request (for tests where a publish changes them). */
  published?: () => { version: number; snapshot: RawSnapshot };
  /** The dry run refuses with these issues (METADATA_INVALID). */
  issues?: DraftIssue[];
  /** The dry run's plan when it accepts. */
  plan?: PlanStep[];
  /** Answers POST /metadata/changes instead of the dry run above. */
  answerChanges?: (req: StubRequest) => StubAnswer;
  /** Any other request; undefined answers 404 (and /auth/me the admin). */
  more?: (req: StubRequest) => StubAnswer | undefined;
}

/** Replaces fetch with the metadata API; `changes` lists the requests to /metadata/changes, `calls` every request. */
export function stubMetadataApi(stub: MetadataStub = {}) {
  const changes: StubRequest[] = [];
  const api = stubApi((req) => {
    const published = stub.published?.();
    const version = published?.version ?? 1;
    if (req.path === '/metadata/objects') return { status: 200, body: { version, objects: published ? Object.values(published.snapshot.objects) : (stub.objects ?? []) } };
    if (req.path === '/metadata/value-sets') return { status: 200, body: { version, valueSets: published ? Object.values(published.snapshot.valueSets) : (stub.valueSets ?? []) } };
    if (req.path === '/metadata/field-types') return { status: 200, body: { fieldTypes: FIELD_TYPES } };
    if (req.path === '/metadata/changes') {
      changes.push(req);
      if (stub.answerChanges) return stub.answerChanges(req);
      if (stub.issues?.length) return { status: 400, body: { error: { code: 'METADATA_INVALID', message: 'invalid', details: { issues: stub.issues } } } };
      return { status: 200, body: { version, plan: stub.plan ?? [], dryRun: true, changed: true, preview: {} } };
    }
    return stub.more?.(req) ?? (req.path === '/auth/me' ? { status: 200, body: ADMIN } : undefined);
  });
  return { ...api, changes };
}
