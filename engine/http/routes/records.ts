import { Router } from 'express';
import { parseListParams } from '../../query/list-params';
import { bulkCreateRecords } from '../../records/bulk-create';
import { createRecord } from '../../records/create-record';
import { deleteRecord } from '../../records/delete-record';
import { listRecords } from '../../records/list-records';
import { readRecord } from '../../records/read-record';
import { updateRecord } from '../../records/update-record';
import { recordContext, writeOptions } from '../request-context';
import type { Services } from '../services';
import { jsonBody } from '../middleware/json-body';

/** /api/v1/records/:object[/:id]: thin handlers over the record operations. */
export function recordsRouter(s: Services): Router {
  const r = Router();
  r.get('/:object', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json(await listRecords(ctx, req.params.object, parseListParams(req.query)));
  });
  r.post('/:object', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    const record = await createRecord(ctx, req.params.object, req.body, writeOptions(req));
    res.status(201).set('ETag', `"${record.version}"`).json(record);
  });
  r.post('/:object/bulk', jsonBody('32mb'), async (req, res) => {
    const ctx = await recordContext(s, req, res);
    const { ids } = await bulkCreateRecords(ctx, req.params.object, (req.body as { records?: unknown } | undefined)?.records, writeOptions(req));
    res.status(201).json({ created: ids.length, ids });
  });
  r.get('/:object/:id', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    const record = await readRecord(ctx, req.params.object, req.params.id);
    res.set('ETag', `"${record.version}"`).json(record);
  });
  r.patch('/:object/:id', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    const record = await updateRecord(ctx, req.params.object, req.params.id, req.body, req.get('if-match'), writeOptions(req));
    res.set('ETag', `"${record.version}"`).json(record);
  });
  r.delete('/:object/:id', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    await deleteRecord(ctx, req.params.object, req.params.id, req.get('if-match'));
    res.status(204).end();
  });
  return r;
}
