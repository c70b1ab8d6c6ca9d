import express from 'express';
import type pg from 'pg';
import { ACCOUNT_COLUMNS } from './account-rows';

/**
 * The hand-written comparison: the same express.json() parser as the product,
 * a pg Pool, one INSERT … RETURNING * per create and the list's page and count
 * queries side by side on two connections. No auth, no validation, no metadata.
 */
export function createBaselineApp(pool: pg.Pool, table: string, ownerId: string): express.Express {
  const columns = [...ACCOUNT_COLUMNS, 'owner_id', 'created_by', 'updated_by'];
  const insertSql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`;
  const pageSql = `SELECT * FROM ${table} WHERE industry = $1 AND annual_revenue > $2::numeric ORDER BY annual_revenue DESC, id DESC LIMIT $3`;
  const countSql = `SELECT count(*) AS total FROM ${table} WHERE industry = $1 AND annual_revenue > $2::numeric`;

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json({ limit: '1mb', strict: false, type: 'application/json' }));

  app.post('/accounts', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const { rows } = await pool.query(insertSql, [...ACCOUNT_COLUMNS.map((c) => body[c] ?? null), ownerId, ownerId, ownerId]);
    res.status(201).json(rows[0]);
  });

  app.get('/accounts', async (req, res) => {
    const industry = String(req.query.industry);
    const above = Number(req.query.revenue_above);
    const limit = Math.min(Number(req.query.limit ?? 50), 1000);
    const [page, count] = await Promise.all([pool.query(pageSql, [industry, above, limit]), pool.query<{ total: string }>(countSql, [industry, above])]);
    res.json({ records: page.rows, total: Number(count.rows[0]!.total) });
  });
  return app;
}
