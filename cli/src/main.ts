/** The `ttsim` command line. Exit codes: 0 ok, 1 a tt.* call failed or `check` found a problem, 2 usage error. */
import { Command, CommanderError, Option } from 'commander';
import { fileSystemManagerMethods, FSM_PREFIX, isNotEmulated, notEmulatedApis } from '../../emulator-api/src/common/apis/not-emulated.js';
import { createProfile, describeProfile } from '../../emulator-api/src/common/profiles.js';
import { findApi, listApis } from '../../emulator-api/src/common/registry.js';
import { standardIoRules } from '../../emulator-api/src/common/standard-io.js';
import { canIUseSchemas, explainCanIUse } from '../../emulator-api/src/common/support.js';
import { apiToJson, renderAllText, renderApiText } from '../../emulator-api/src/common/support-table.js';
import { appKinds, platforms } from '../../emulator-api/src/common/types.js';
import { closestNames } from '../../emulator-api/src/common/validation.js';
import { parsePlatforms, type CheckFlags } from './check/options.js';
import type { CompressFlags } from './compress.js';
import type { DevFlags } from './dev.js';
import type { QaFlags } from './qa.js';
import { parsePort, parseQuality, parseWorkers, profileOptions, type ProfileFlags } from './options.js';

export const EXIT_USAGE = 2;

function withProfile(command: Command): Command {
  for (const option of profileOptions()) command.addOption(option);
  return command;
}

/** "unknown API …; did you mean …?" for `ttsim support <name>`, or why a Feishu name has no entry. */
function unknownApiMessage(api: string): string {
  if (isNotEmulated(api) || (api.startsWith(FSM_PREFIX) && fileSystemManagerMethods.includes(api.slice(FSM_PREFIX.length)))) {
    return `${api} is a Feishu API that ttsim does not emulate: it has no entry (calls fail with errno 103, canIUse answers false)`;
  }
  const near = closestNames(api, [...listApis().map((spec) => spec.name), ...notEmulatedApis]);
  return `unknown API ${JSON.stringify(api)}${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''} (ttsim support lists every API)`;
}

export function buildProgram(out: (line: string) => void, setExit: (code: number) => void): Command {
  const program = new Command('ttsim')
    .description('Simulator and devtools for Feishu gadgets and web apps: tt.* APIs as each platform and client version behaves')
    .version(process.env.npm_package_version ?? '0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  withProfile(
    program
      .command('compress')
      .description('import <file> as a chosen image and call tt.compressImage on it, exactly as a gadget would')
      .argument('<file>', 'image file on this computer')
      .addOption(new Option('--quality <n>', 'JPEG quality 1..100 (tt.compressImage default 80)').argParser(parseQuality))
      .option('--json', 'print one JSON object: the result plus hostPath of the output file')
      .option('--out <file>', 'write the output image to this path (default: <data dir>/compress/<temp name>)')
      .option('--strict', 'fail unknown parameters with errno 104 instead of ignoring them as a client does')
      .option('--data-dir <dir>', 'where sandboxes live (default $TTSIM_DATA_DIR or ~/.ttsim)'),
  ).action(async (file: string, flags: CompressFlags) => {
    // Commands load their modules when they run: `ttsim support` needs no sharp, `ttsim dev` starts sooner.
    const { runCompress } = await import('./compress.js');
    setExit(await runCompress(file, flags, out));
  });

  withProfile(
    program
      .command('dev')
      .description('run a gadget or web app in the simulator: starts a server on 127.0.0.1 and prints its URL')
      .argument('[project]', 'gadget folder (app.json) or web-app folder (index.html); default: the bundled example')
      .addOption(new Option('--port <n>', 'port (default: a free one)').argParser((v) => parsePort(v)))
      .option('--strict', 'fail unknown parameters with errno 104 instead of ignoring them as a client does')
      .option('--electron', 'open the devtools in the Electron window (where the binary is installed; else browser mode)')
      .option('--data-dir <dir>', 'where sandboxes live (default $TTSIM_DATA_DIR or ~/.ttsim)'),
  ).action(async (project: string | undefined, flags: DevFlags) => {
    const { runDev } = await import('./dev.js');
    const running = await runDev(project, flags, out);
    await new Promise<void>((resolve) => {
      const stop = () => void running.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });

  program
    .command('support')
    .description('print the support matrix and behaviour rules with their provenance')
    .argument('[api]', 'one API, e.g. compressImage')
    .option('--json', 'print JSON')
    .action((api: string | undefined, flags: { json?: boolean }) => {
      const specs = api === undefined ? listApis() : [findApi(api)];
      if (specs[0] === undefined) throw new CommanderError(EXIT_USAGE, 'ttsim.unknownApi', unknownApiMessage(api!));
      const defined = specs.filter((s) => s !== undefined);
      if (flags.json) {
        const apis = defined.map((s) => apiToJson(s, canIUseSchemas(s)));
        out(JSON.stringify(api === undefined ? { standardIo: standardIoRules, apis } : apis[0], null, 2));
      } else out(api === undefined ? renderAllText() : renderApiText(defined[0]!));
    });

  withProfile(
    program
      .command('can-i-use')
      .description('answer tt.canIUse(<schema>) for a client profile and say why; exit 1 when the answer is false')
      .argument('<schema>', 'API, API.object.param[.option] or API.success.field')
      .option('--json', 'print one JSON object: schema, value, reason, api, since, provenance, suggestions, notEmulated, profile'),
  ).action((schema: string, flags: ProfileFlags & { json?: boolean }) => {
    const profile = createProfile({ ...flags, app: flags.app ?? 'gadget' });
    const answer = explainCanIUse(schema, profile);
    if (flags.json) out(JSON.stringify({ ...answer, profile: describeProfile(profile) }));
    else {
      out(String(answer.value));
      out(`why: ${answer.reason}${answer.provenance ? ` [${answer.provenance.kind}]` : ''}`);
    }
    setExit(answer.value ? 0 : 1);
  });

  program
    .command('clean')
    .description('remove the session folders no running ttsim owns and the outputs of compress')
    .option('--data-dir <dir>', 'the data folder (default $TTSIM_DATA_DIR or ~/.ttsim)')
    .option('--json', 'print what was removed as JSON')
    .action(async (flags: { dataDir?: string; json?: boolean }) => {
      const { runClean } = await import('./clean.js');
      await runClean(flags, out);
    });

  program
    .command('check')
    .description('scan a gadget or web app for the tt.* APIs and components it uses and check them against the support matrix')
    .argument('<project>', 'gadget folder (app.json) or web-app folder (index.html)')
    .addOption(new Option('--platforms <list>', 'comma-separated platforms to target').default([...platforms], platforms.join(',')).argParser(parsePlatforms))
    .addOption(new Option('--app <kind>', "app kind to check against (default: the project's)").choices(appKinds))
    .option('--json', 'print the report as one JSON object (schemaVersion 1)')
    .action(async (project: string, flags: CheckFlags) => {
      const { runCheck } = await import('./check/run.js');
      setExit(runCheck(project, flags, out));
    });

  program
    .command('qa')
    .description('run a ttsim/test scenario under every profile on Playwright Test and write a side-by-side report (HTML, JSON, JUnit)')
    .argument('<projects...>', 'the gadget folder (app.json) and/or the web-app folder (index.html) the scenario runs on')
    .requiredOption('--scenario <file>', 'a ttsim/test file (import { test, expect } from "ttsim/test")')
    .option('--profiles <list>', 'comma-separated profiles such as ios@7.35.0,android@3.44.0,webapp:pc@3.46.0, or "edges": the support matrix edges of the APIs the project uses (ttsim check)', 'edges')
    .option('--out <dir>', 'where the report goes (index.html, report.json, junit.xml)', 'ttsim-qa-report')
    .addOption(new Option('--workers <n>', 'Playwright workers (default: half the cores)').argParser(parseWorkers))
    .option('--shard <i/n>', "run one shard of the profiles × tests (Playwright's --shard); combine with --blob and merge-reports")
    .option('--blob', "also write Playwright's blob report to <out>/blob (for npx playwright merge-reports)")
    .option('--headed', 'show the browser')
    .action(async (projects: string[], flags: QaFlags) => {
      const { runQa } = await import('./qa.js');
      setExit(await runQa(projects, flags, out));
    });

  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  // A reader that stops early (`ttsim support | head`) is not an error of ttsim's: stop writing, keep the exit code.
  let readerGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
  });
  const program = buildProgram((line) => {
    if (!readerGone) process.stdout.write(`${line}\n`);
  }, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      if (error.code === 'ttsim.unknownApi') process.stderr.write(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`ttsim: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
}
