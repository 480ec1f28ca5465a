import { parseYamlFile, type YamlFile, type YamlPath } from './yaml-file.js';

/**
 * A YamlFile that parses only when asked: a paragraph served from the parse cache needs its
 * YAML only if a problem must be placed at a line and column.
 */
export function lazyYamlFile(file: string, source: string): YamlFile {
  let parsed: YamlFile | undefined;
  const get = (): YamlFile => (parsed ??= parseYamlFile(file, source));
  return {
    file,
    source,
    get value() {
      return get().value;
    },
    get diagnostics() {
      return get().diagnostics;
    },
    locate: (path: YamlPath) => get().locate(path),
    locateKey: (path: YamlPath) => get().locateKey(path),
    locateInString: (path: YamlPath, index: number) => get().locateInString(path, index),
  };
}
