/** The `ttsim` command line. Exit codes: 0 ok, 1 a tt.* call failed or `check` found a problem, 2 usage error. */
import { Command, CommanderError, Option } from 'commander';
import { createProfile } from '../../emulator-api/src/common/profiles.js';
import { findApi, listApis } from '../../emulator-api/src/common/registry.js';
import { standardIoRules } from '../../emulator-api/src/common/standard-io.js';
import { canIUse, canIUseSchemas } from '../../emulator-api/src/common/support.js';
import { apiToJson, renderAllText, renderApiText } from '../../emulator-api/src/common/support-table.js';
import { appKinds, platforms } from '../../emulator-api/src/common/types.js';
import { parsePlatforms, type CheckFlags } from './check/options.js';
import type { CompressFlags } from './compress.js';
import type { DevFlags } from './dev.js';
import { parsePort, parseQuality, profileOptions, type ProfileFlags } from './options.js';

export const EXIT_USAGE = 2;

function withProfile(command: Command): Command {
  for (const option of profileOptions()) command.addOption(option);
  return command;
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
      .option('--out <file>', 'also copy the output image to this path')
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
      if (specs[0] === undefined) {
        throw new CommanderError(EXIT_USAGE, 'ttsim.unknownApi', `unknown API ${JSON.stringify(api)}; known: ${listApis().map((s) => s.name).join(', ')}`);
      }
      const defined = specs.filter((s) => s !== undefined);
      if (flags.json) {
        const apis = defined.map((s) => apiToJson(s, canIUseSchemas(s)));
        out(JSON.stringify(api === undefined ? { standardIo: standardIoRules, apis } : apis[0], null, 2));
      } else out(api === undefined ? renderAllText() : renderApiText(defined[0]!));
    });

  withProfile(
    program
      .command('can-i-use')
      .description('answer tt.canIUse(<schema>) for a client profile, e.g. compressImage.object.quality')
      .argument('<schema>', 'API, API.object.param[.option] or API.success.field'),
  ).action((schema: string, flags: ProfileFlags) => {
    out(String(canIUse(schema, createProfile({ ...flags }))));
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

  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = buildProgram((line) => process.stdout.write(`${line}\n`), (code) => (exitCode = code));
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
