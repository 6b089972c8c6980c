/**
 * The import rules of the README's "Import rules", held against the sources: every import between folders of src/
 * must be one the README lists for its folder, and every third-party library must be imported only where the README
 * says. The rules are read from the README itself, so that the README and this test cannot drift apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

interface Import {
  /** The importing file, relative to src/ ("format/digest.ts"). */
  readonly from: string;
  readonly specifier: string;
}

interface Rules {
  /** Each unit of src/ ("format/", "main.ts") and the units it may import. */
  readonly folders: ReadonlyMap<string, readonly string[]>;
  /** Each library and the files or folders (ending in "/") it may be imported in. */
  readonly libraries: ReadonlyMap<string, { readonly places: readonly string[]; readonly reason: string }>;
}

function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
}

/** Reads the rule lines under the README's "Import rules" heading. */
function readRules(readme: string): Rules {
  const heading = '\n### Import rules\n';
  const start = readme.indexOf(heading);
  const rest = start < 0 ? '' : readme.slice(start + heading.length);
  const end = rest.search(/^#{1,3} /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const folders = new Map<string, string[]>();
  const libraries = new Map<string, { places: string[]; reason: string }>();
  for (const line of section.split('\n')) {
    const folder = /^- `([^`]+)` (?:imports nothing of ours|may import ([^:]+)):/.exec(line);
    if (folder?.[1]) {
      folders.set(folder[1], backticked(folder[2] ?? ''));
      continue;
    }
    const library = /^- `([^`]+)` is imported in ([^:]+?)(?: only)?(?::\s*(.*))?$/.exec(line);
    if (library?.[1]) libraries.set(library[1], { places: backticked(library[2] ?? ''), reason: library[3] ?? '' });
  }
  return { folders, libraries };
}

/** "format/digest.ts" -> "format/"; "main.ts" -> "main.ts". */
function unitOf(file: string): string {
  const [first = '', ...rest] = file.split('/');
  return rest.length === 0 ? first : `${first}/`;
}

/** "@slack/bolt/dist/x" -> "@slack/bolt"; "zod" -> "zod". */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

function isAllowedPlace(file: string, places: readonly string[]): boolean {
  return places.some((place) => (place.endsWith('/') ? file.startsWith(place) : file === place));
}

/** Every rule an import breaks, as a sentence naming the file. */
function findViolations(imports: readonly Import[], rules: Rules): string[] {
  const violations: string[] = [];
  const libraryFiles = new Map<string, Set<string>>();
  for (const { from, specifier } of imports) {
    if (specifier.startsWith('node:')) continue;
    if (specifier.startsWith('.')) {
      // Sources import each other by their compiled name: "./config.js" is src/config.ts.
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
      const [fromUnit, toUnit] = [unitOf(from), unitOf(target)];
      if (fromUnit === toUnit) continue;
      const allowed = rules.folders.get(fromUnit);
      if (!allowed) violations.push(`${from}: ${fromUnit} has no import rule in the README`);
      else if (!allowed.includes(toUnit)) violations.push(`${from} imports ${toUnit} (${specifier})`);
      continue;
    }
    const library = packageOf(specifier);
    libraryFiles.set(library, (libraryFiles.get(library) ?? new Set()).add(from));
  }
  for (const [library, files] of libraryFiles) {
    const rule = rules.libraries.get(library);
    if (!rule) {
      violations.push(`${library} is imported (${[...files].join(', ')}) but the README names no place for it`);
      continue;
    }
    for (const file of files) {
      if (!isAllowedPlace(file, rule.places))
        violations.push(`${file} imports ${library}, allowed only in ${rule.places}`);
    }
    const onePlace = rule.places.length === 1 && !rule.places[0]?.endsWith('/');
    if (!onePlace && rule.reason.trim().length === 0) {
      violations.push(`${library} may be imported in more than one file, and the README gives no reason`);
    }
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

/** Static imports, `export ... from`, `import type` and dynamic `import()` of every file of src/. */
function readImports(): Import[] {
  return sourceFiles(SRC).flatMap((file) => {
    const from = path.relative(SRC, file).split(path.sep).join('/');
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    return importedFiles.map((imported) => ({ from, specifier: imported.fileName }));
  });
}

const rules = readRules(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
const imports = readImports();

describe('the import rules of the README', () => {
  it('are read from the README: a rule for every folder of src/ and for every library the app depends on', () => {
    const units = new Set(imports.map((i) => unitOf(i.from)));
    expect([...units].filter((unit) => !rules.folders.has(unit))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const imported = new Set(
      imports.filter((i) => !/^[.]|^node:/.test(i.specifier)).map((i) => packageOf(i.specifier)),
    );
    for (const library of imported) expect(Object.keys(manifest.dependencies)).toContain(library);
    expect(rules.folders.get('domain/')).toEqual([]);
    expect(rules.libraries.get('@slack/bolt')?.places).toEqual(['slack/bolt.ts']);
  });

  it('see the imports of the sources, type-only and re-exports included', () => {
    expect(imports).toContainEqual({ from: 'main.ts', specifier: './slack/create-app.js' });
    expect(imports).toContainEqual({ from: 'format/block-kit.ts', specifier: '@slack/types' });
    expect(imports).toContainEqual({ from: 'slack/bolt.ts', specifier: '@slack/bolt' });
  });

  it('hold for every import between the folders of src/', () => {
    expect(findViolations(imports, rules)).toEqual([]);
  });

  it('fail on an import the README does not list, and on a library imported outside its file', () => {
    const broken: Import[] = [
      { from: 'format/digest.ts', specifier: '../services/digest-content.js' },
      { from: 'domain/flag.ts', specifier: '../store/filing-store.js' },
      { from: 'format/blocks.ts', specifier: '@slack/bolt' },
      { from: 'services/x.ts', specifier: 'left-pad' },
    ];
    expect(findViolations(broken, rules)).toEqual([
      'format/digest.ts imports services/ (../services/digest-content.js)',
      'domain/flag.ts imports store/ (../store/filing-store.js)',
      'format/blocks.ts imports @slack/bolt, allowed only in slack/bolt.ts',
      'left-pad is imported (services/x.ts) but the README names no place for it',
    ]);
  });

  it('fail on a library allowed in several places without a reason', () => {
    const unexplained: Rules = {
      folders: rules.folders,
      libraries: new Map([['zod', { places: ['domain/', 'config.ts'], reason: '' }]]),
    };
    expect(findViolations([{ from: 'config.ts', specifier: 'zod' }], unexplained)).toEqual([
      'zod may be imported in more than one file, and the README gives no reason',
    ]);
  });
});
