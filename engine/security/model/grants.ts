import type { FieldAccess, ObjectGrant } from './types';

/** A grant as an admin writes it: any subset of the flags, and field overrides. */
export interface RawObjectGrant {
  create?: boolean;
  read?: boolean;
  edit?: boolean;
  delete?: boolean;
  viewAll?: boolean;
  modifyAll?: boolean;
  fields?: Record<string, FieldAccess>;
}

/** Fills in what a flag implies: edit or view-all needs read, delete needs edit, modify-all is everything. */
export function normalizeGrant(raw: RawObjectGrant): ObjectGrant {
  const modifyAll = raw.modifyAll === true;
  const del = modifyAll || raw.delete === true;
  const edit = del || raw.edit === true;
  const viewAll = modifyAll || raw.viewAll === true;
  const read = edit || viewAll || raw.read === true || raw.create === true;
  return { create: modifyAll || raw.create === true, read, edit, delete: del, viewAll, modifyAll, fields: { ...(raw.fields ?? {}) } };
}
