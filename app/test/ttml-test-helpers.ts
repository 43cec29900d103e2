/** compileTtml as the guest runs it, with the host's parser (tests hand it the source; the runtime gets trees from boot). */
import { parseTemplates, parseTtml } from '../../emulator-api/src/common/ttml/parse-ttml.js';
import { templateParser } from '../../emulator-api/src/common/ttml/parsed-templates.js';
import { compileTtml as compile, type CompileTtmlOptions, type CompiledTtml, type ParseFile } from '../src/ttml/index.js';

export function compileTtml(source: string, options: Omit<CompileTtmlOptions, 'parse'>): CompiledTtml {
  return compile(source, { ...options, parse: parseTtml });
}

/** What a page or component host gets in the runtime: the package's templates as the host parsed them for boot. */
export function hostParsed(files: Readonly<Record<string, string>>): ParseFile {
  return templateParser(parseTemplates(files));
}
