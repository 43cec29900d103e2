/**
 * The app's own services: launch options, the update manager (there is never an update in a simulator),
 * and opening links or documents outside the gadget (recorded, since ttsim has no client to hand them to).
 */
import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, inferred, type SupportMatrix } from '../types.js';
import { docs, GADGET_ONLY } from './sources.js';

const both: SupportMatrix = {
  gadget: GADGET_ONLY.gadget,
  webapp: { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' },
};
const notRead = (api: string, matrix: SupportMatrix) => ({ matrix, provenance: assumed(`${docs.overview}: ttsim has not read the ${api} page; rows follow the overview's pattern`) });
const recorded = { id: 'recorded', platforms: 'all' as const, text: 'ttsim has no client to hand this to: the call succeeds and is recorded in the event stream.', provenance: assumed('ttsim: a desktop simulator has nothing to hand the call to') };

export const getLaunchOptionsSync = defineApi({
  name: 'getLaunchOptionsSync', style: 'sync', summary: 'How the gadget was launched: path, query, scene.', doc: docs.overview,
  params: z.strictObject({}),
  result: z.strictObject({ path: z.string(), query: z.record(z.string(), z.string()), scene: z.int(), referrerInfo: z.object({}).loose() }),
  support: notRead('getLaunchOptionsSync', GADGET_ONLY),
  behaviours: [{ id: 'launch-defaults', platforms: 'all', text: 'path is app.json entryPagePath or its first page, query is empty and scene 1000 (opened from the workplace), unless the session was started with launch options.', provenance: assumed('WeChat-compatible family scene 1000 = default entry') }],
  failures: [],
});

export const getUpdateManager = defineApi({
  name: 'getUpdateManager', style: 'sync', summary: 'The UpdateManager: onCheckForUpdate answers "no update"; onUpdateReady never fires.', doc: docs.overview,
  params: z.strictObject({}), result: z.object({}).loose(),
  support: notRead('getUpdateManager', GADGET_ONLY),
  behaviours: [{ id: 'never-an-update', platforms: 'all', text: 'onCheckForUpdate(callback) is called once with { hasUpdate: false }; onUpdateReady and onUpdateFailed never fire; applyUpdate does nothing.', provenance: inferred('WeChat-compatible family (UpdateManager); a simulator never has a newer package') }],
  failures: [],
});

export const openSchema = defineApi({
  name: 'openSchema', style: 'async', summary: 'Opens a link (Feishu applink or http URL) outside the gadget (recorded).', doc: docs.overview,
  params: z.strictObject({ schema: z.string().min(1), external: z.boolean().optional() }), result: z.strictObject({}),
  support: notRead('openSchema', both),
  behaviours: [recorded],
  failures: [{ errno: Errno.invalidParameter, when: 'schema is not a URL', provenance: inferred('Feishu applink docs: schema is a URL') }],
});

export const openDocument = defineApi({
  name: 'openDocument', style: 'async', summary: 'Opens a file from the sandbox in the client\'s viewer (recorded; the file must exist).', doc: docs.overview,
  params: z.strictObject({ filePath: z.string().min(1), fileType: z.string().optional(), showMenu: z.boolean().optional() }), result: z.strictObject({}),
  support: notRead('openDocument', GADGET_ONLY),
  behaviours: [recorded],
  failures: [{ errno: Errno.fileNotExist, when: 'no file at filePath', provenance: assumed(docs.errno) }],
});
