type Doc = Record<string, unknown>;

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const json = (schema: Doc, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const uuid = { type: 'string', format: 'uuid' };
const access = { enum: ['read', 'edit'] };
const share = { type: 'object', properties: { kind: { enum: ['user', 'role', 'department'] }, id: uuid, access, teamRole: { type: 'string' }, createdBy: uuid, createdAt: { type: 'string', format: 'date-time' } } };

/** Ownership transfer, team, manual shares and history of one object's records. */
export function sharingPaths(name: string, label: string): Record<string, Doc> {
  const tags = [name];
  const idParam = { name: 'id', in: 'path', required: true, schema: uuid };
  const principalParam = { name: 'principalId', in: 'path', required: true, schema: uuid };
  const denied = { 403: error('not allowed'), 404: error('not found or not visible') };
  const shareRoutes = (kind: 'team' | 'share', body: Doc): Record<string, Doc> => ({
    [`/records/${name}/{id}/${kind}`]: {
      parameters: [idParam],
      get: { tags, summary: `${kind === 'team' ? 'Team members' : 'Manual shares'} of a ${label}`, operationId: `list_${name}_${kind}`, responses: { 200: json({ type: 'object', properties: { [kind === 'team' ? 'members' : 'shares']: { type: 'array', items: share } } }), 404: error('not found or not visible') } },
      post: { tags, summary: `Add to the ${kind === 'team' ? 'team' : 'shares'} of a ${label}`, operationId: `add_${name}_${kind}`, requestBody: { required: true, content: { 'application/json': { schema: body } } }, responses: { 201: json(share, 'Added'), 400: error('invalid'), ...denied } },
    },
    [`/records/${name}/{id}/${kind}/{principalId}`]: {
      parameters: [idParam, principalParam],
      delete: { tags, summary: `Remove from the ${kind === 'team' ? 'team' : 'shares'} of a ${label}`, operationId: `remove_${name}_${kind}`, responses: { 204: { description: 'Removed' }, ...denied } },
    },
  });
  return {
    [`/records/${name}/transfer`]: {
      post: {
        tags,
        summary: `Give ${label} records to another owner (all or nothing)`,
        operationId: `transfer_${name}`,
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['ids', 'ownerId'], properties: { ids: { type: 'array', maxItems: 1000, items: uuid }, ownerId: uuid } } } } },
        responses: { 200: json({ type: 'object', properties: { transferred: { type: 'integer' } } }), 400: error('invalid'), ...denied },
      },
    },
    ...shareRoutes('team', { type: 'object', required: ['userId', 'access'], properties: { userId: uuid, access, teamRole: { type: 'string' } } }),
    ...shareRoutes('share', { type: 'object', required: ['kind', 'id', 'access'], properties: { kind: { enum: ['user', 'role', 'department'] }, id: uuid, access } }),
  };
}
