import { AppError } from '../core/errors';
import { runSql, type Executor } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import { isUuid } from '../records/record-id';
import type { WebForm, WebFormField, WebFormInput } from '../shared/api/web-forms';
import type { PublicWebForm } from './web-form-types';

const T = `${SYSTEM_SCHEMA}.web_forms`;

interface WebFormRow {
  id: string;
  name: string;
  object: string;
  fields: WebFormField[];
  owner_id: string;
  success_url: string | null;
  active: boolean;
  submissions: number;
  spam: number;
  honeypot: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const toForm = (r: WebFormRow): WebForm => ({
  id: r.id,
  name: r.name,
  object: r.object,
  fields: r.fields,
  ownerId: r.owner_id,
  successUrl: r.success_url,
  active: r.active,
  submissions: r.submissions,
  spam: r.spam,
  honeypot: r.honeypot,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const notFound = () => new AppError('WEB_FORM_NOT_FOUND', 'no such web form');

/** The organisation's forms, oldest first. */
export async function listWebForms(db: Executor, tenantId: string): Promise<WebForm[]> {
  return (await runSql<WebFormRow>(db, `SELECT * FROM ${T} WHERE tenant_id = ? ORDER BY created_at, id`, [tenantId])).map(toForm);
}

/** One form of the organisation, or 404 WEB_FORM_NOT_FOUND (also for another organisation's form). */
export async function getWebForm(db: Executor, tenantId: string, id: string): Promise<WebForm> {
  if (!isUuid(id)) throw notFound();
  const [row] = await runSql<WebFormRow>(db, `SELECT * FROM ${T} WHERE id = ? AND tenant_id = ?`, [id, tenantId]);
  if (!row) throw notFound();
  return toForm(row);
}

export async function insertWebForm(db: Executor, tenantId: string, createdBy: string, input: WebFormInput, honeypot: string, keyHash: string): Promise<WebForm> {
  const [row] = await runSql<WebFormRow>(
    db,
    `INSERT INTO ${T} (tenant_id, name, object, fields, key_hash, honeypot, owner_id, success_url, active, created_by) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) RETURNING *`,
    [tenantId, input.name, input.object, JSON.stringify(input.fields), keyHash, honeypot, input.ownerId, input.successUrl, input.active, createdBy],
  );
  return toForm(row!);
}

export async function updateWebForm(db: Executor, tenantId: string, id: string, input: WebFormInput, honeypot: string): Promise<WebForm> {
  const [row] = await runSql<WebFormRow>(
    db,
    `UPDATE ${T} SET name = ?, object = ?, fields = ?::jsonb, honeypot = ?, owner_id = ?, success_url = ?, active = ?, updated_at = now() WHERE id = ? AND tenant_id = ? RETURNING *`,
    [input.name, input.object, JSON.stringify(input.fields), honeypot, input.ownerId, input.successUrl, input.active, id, tenantId],
  );
  if (!row) throw notFound();
  return toForm(row);
}

export async function setWebFormKey(db: Executor, tenantId: string, id: string, keyHash: string): Promise<WebForm> {
  if (!isUuid(id)) throw notFound();
  const [row] = await runSql<WebFormRow>(db, `UPDATE ${T} SET key_hash = ?, updated_at = now() WHERE id = ? AND tenant_id = ? RETURNING *`, [keyHash, id, tenantId]);
  if (!row) throw notFound();
  return toForm(row);
}

export async function deleteWebForm(db: Executor, tenantId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound();
  const rows = await runSql(db, `DELETE FROM ${T} WHERE id = ? AND tenant_id = ? RETURNING id`, [id, tenantId]);
  if (!rows.length) throw notFound();
}

/** The stored key hash of a form of the organisation (for checking a key the admin hands back). */
export async function webFormKeyHash(db: Executor, tenantId: string, id: string): Promise<string> {
  if (!isUuid(id)) throw notFound();
  const [row] = await runSql<{ key_hash: string }>(db, `SELECT key_hash FROM ${T} WHERE id = ? AND tenant_id = ?`, [id, tenantId]);
  if (!row) throw notFound();
  return row.key_hash;
}

/** An active form by id alone, with its tenant and owner (the public endpoint); undefined when unknown or inactive. */
export async function findActiveWebForm(db: Executor, id: string): Promise<PublicWebForm | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await runSql<WebFormRow & { tenant_id: string; schema_name: string; key_hash: string; owner_active: boolean; owner_is_admin: boolean }>(
    db,
    `SELECT f.*, t.schema_name, u.active AS owner_active, u.is_admin AS owner_is_admin
     FROM ${T} f JOIN ${SYSTEM_SCHEMA}.tenants t ON t.id = f.tenant_id JOIN ${SYSTEM_SCHEMA}.users u ON u.id = f.owner_id
     WHERE f.id = ? AND f.active`,
    [id],
  );
  if (!row) return undefined;
  return { ...toForm(row), tenantId: row.tenant_id, schema: row.schema_name, keyHash: row.key_hash, ownerActive: row.owner_active, ownerIsAdmin: row.owner_is_admin };
}

/** Counts one accepted submission or one caught by the honeypot. */
export async function countSubmission(db: Executor, id: string, kind: 'submissions' | 'spam'): Promise<void> {
  await runSql(db, `UPDATE ${T} SET ${kind === 'spam' ? 'spam = spam + 1' : 'submissions = submissions + 1'} WHERE id = ?`, [id]);
}
