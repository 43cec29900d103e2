import { Errno, TtError } from '../../common/errors.js';
import type { ApiParsedParams } from '../../common/registry.js';
import type { NodeCallContext } from '../context.js';
import { requireFile } from './files.js';

export function getLaunchOptionsSync(_params: ApiParsedParams<'getLaunchOptionsSync'>, ctx: NodeCallContext) {
  ctx.applyRule('launch-defaults');
  const { path, query, scene } = ctx.world.launch;
  return { path, query: { ...query }, scene, referrerInfo: {} };
}

/** The guest builds the UpdateManager object; the host call checks support and records the call. */
export function getUpdateManager(_params: ApiParsedParams<'getUpdateManager'>, ctx: NodeCallContext) {
  ctx.applyRule('never-an-update');
  return {};
}

export function openSchema({ schema }: ApiParsedParams<'openSchema'>, ctx: NodeCallContext) {
  if (!URL.canParse(schema)) throw new TtError(Errno.invalidParameter, `schema must be a URL (https://… or a Feishu applink), got ${JSON.stringify(schema)}`);
  ctx.applyRule('recorded');
  return {};
}

export function openDocument({ filePath }: ApiParsedParams<'openDocument'>, ctx: NodeCallContext) {
  const target = ctx.sandbox.resolve(filePath, 'read', { mustExist: true });
  requireFile(target.hostPath, filePath);
  ctx.applyRule('recorded');
  return {};
}
