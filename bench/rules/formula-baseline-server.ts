/**
 * Child process: the hand-written comparison for the formula list. Express 5
 * with the same express.json() parser as the product, a pg Pool of 10 (the
 * product's default) and one query computing unit_price by hand over the
 * product's own table (BENCH_FORMULA_TABLE). Prints {"port": n} when listening.
 */
import express from 'express';
import pg from 'pg';
import { requiredEnv, serveBenchChild } from '../child-lifecycle';
import { formulaBaselineSql } from './formula-baseline-sql';

const POOL_MAX = 10;
const SQL = formulaBaselineSql(requiredEnv('BENCH_FORMULA_TABLE'));

const pool = new pg.Pool({ connectionString: requiredEnv('BENCH_DATABASE_URL'), max: POOL_MAX });
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json({ limit: '1mb', strict: false, type: 'application/json' }));
app.get('/items', async (req, res) => {
  const above = Number(req.query.above);
  const limit = Math.min(Number(req.query.limit ?? 50), 1000);
  const { rows } = await pool.query(SQL, [above, limit]);
  res.json({ records: rows });
});

await serveBenchChild(app, pool);
