import type { YamlFile, YamlPath } from './yaml-file.js';

/**
 * The YAML parser (the `yaml` package) and the zod schemas cost ~150 ms to load, more than a
 * warm `ndraft status` needs in all. They are loaded only when a file has to be parsed or a
 * problem placed at a line and column: `loadParsers()` first (async), then `loadedParsers()`
 * wherever the code must stay synchronous.
 */
export type Parsers = typeof import('./parse-files.js');

let parsers: Parsers | undefined;

export async function loadParsers(): Promise<Parsers> {
  parsers ??= await import('./parse-files.js');
  return parsers;
}

export function loadedParsers(): Parsers {
  if (!parsers) throw new Error('internal error: the YAML parser is used before loadParsers()');
  return parsers;
}

/**
 * A YamlFile whose source is read and parsed only when asked (to place a problem, mostly). A
 * class rather than closures: a large draft makes thousands of them and uses almost none.
 */
export class LazyYamlFile implements YamlFile {
  #parsed: YamlFile | undefined;

  /**
   * `known` is the file's value when it was read some other way (the fast reader), which also
   * means the YAML has no problem to report.
   */
  constructor(
    readonly file: string,
    private readonly read: () => string,
    private readonly parse: (file: string, source: string) => YamlFile = (f, s) => loadedParsers().parseYamlFile(f, s),
    private readonly known?: { value: unknown },
  ) {}

  #get(): YamlFile {
    this.#parsed ??= this.parse(this.file, this.read());
    return this.#parsed;
  }

  get source(): string {
    return this.#parsed?.source ?? this.read();
  }

  get value(): unknown {
    return this.known ? this.known.value : this.#get().value;
  }

  get diagnostics(): YamlFile['diagnostics'] {
    return this.known ? [] : this.#get().diagnostics;
  }

  locate(path: YamlPath): ReturnType<YamlFile['locate']> {
    return this.#get().locate(path);
  }

  locateKey(path: YamlPath): ReturnType<YamlFile['locateKey']> {
    return this.#get().locateKey(path);
  }

  locateInString(path: YamlPath, index: number): ReturnType<YamlFile['locateInString']> {
    return this.#get().locateInString(path, index);
  }
}

export function lazyYamlFile(file: string, source: () => string): YamlFile {
  return new LazyYamlFile(file, source);
}
