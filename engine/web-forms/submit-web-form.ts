import { randomUUID } from 'node:crypto';
import { AppError, issuesError } from '../core/errors';
import type { Services } from '../http/services';
import { createRecord } from '../records/create-record';
import type { RecordContext } from '../records/context';
import type { Locale } from '../shared/metadata-types';
import { coerceSubmission } from './coerce-submission';
import { formKeyMatches, KEY_HEADER, KEY_INPUT } from './web-form-key';
import { countSubmission } from './web-form-store';
import type { PublicWebForm } from './web-form-types';

/** What a submission led to: a new record, or nothing because the honeypot was filled (answered like a success). */
export type SubmissionOutcome = { kind: 'created'; id: string } | { kind: 'spam'; id: string };

/** Who sent it, for the key header, the log and the answer's language. */
export interface Submitter {
  ip?: string;
  keyHeader?: string;
  locale: Locale;
}

type SubmitDeps = Pick<Services, 'db' | 'cache' | 'security' | 'registry' | 'log'>;

const filled = (v: unknown) => (Array.isArray(v) ? v.some(filled) : v !== undefined && v !== null && String(v).trim() !== '');

/** The form's owner as the actor: the record is created with their permissions and is theirs until assignment rules say otherwise. */
async function ownerContext(s: SubmitDeps, form: PublicWebForm, locale: Locale): Promise<RecordContext> {
  const [meta, security] = await Promise.all([s.cache.get(form.schema), s.security.get(form.schema)]);
  const actor = { userId: form.ownerId, tenantId: form.tenantId, schema: form.schema, isAdmin: form.ownerIsAdmin };
  return { db: s.db, meta, registry: s.registry, actor, access: security.accessOf(actor.userId, actor.isAdmin), locale };
}

/**
 * key → honeypot → coerce → create (as the owner, no explicit owner so
 * assignment rules apply; duplicate warn rules do not stop a stranger's
 * submission, block rules do) and count it, in one transaction.
 */
export async function submitWebForm(s: SubmitDeps, form: PublicWebForm, body: Record<string, unknown>, who: Submitter): Promise<SubmissionOutcome> {
  if (!formKeyMatches(body[KEY_INPUT] ?? who.keyHeader, form.keyHash)) throw new AppError('WEB_FORM_KEY_INVALID', `the form key is missing or wrong (send it as ${KEY_INPUT} or the ${KEY_HEADER} header)`);
  if (filled(body[form.honeypot])) {
    await countSubmission(s.db, form.id, 'spam');
    s.log.warn({ webForm: form.id, tenantId: form.tenantId, ip: who.ip }, 'web form submission dropped: honeypot filled');
    return { kind: 'spam', id: randomUUID() };
  }
  const ctx = await ownerContext(s, form, who.locale);
  if (!ctx.meta.snapshot.objects.has(form.object)) throw new AppError('WEB_FORM_NOT_FOUND', 'this form no longer has an object to create');
  const obj = ctx.meta.object(form.object);
  const { payload, issues } = coerceSubmission(obj, s.registry, form.fields, body);
  if (issues.length) throw issuesError('RECORD_VALIDATION_FAILED', `the ${form.object} is invalid`, issues);
  const id = await s.db.transaction(async (trx) => {
    const record = await createRecord({ ...ctx, db: trx }, form.object, payload, { allowDuplicates: true });
    await countSubmission(trx, form.id, 'submissions');
    return record.id as string;
  });
  return { kind: 'created', id };
}
