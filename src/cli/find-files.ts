/**
 * The files a command was pointed at: paths of files, directories (walked
 * for `*.json`) and globs with `*`, `**` and `?` (Node 20 has no fs.glob).
 * Directory walks and `*` skip dot files and `node_modules`, as shells and
 * most tools do; a path or glob that finds nothing is reported, not ignored.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export interface FoundFiles {
  /** Absolute paths, each once, in the order of the arguments (each argument's own files sorted). */
  files: string[];
  /** The arguments that matched nothing. */
  unmatched: string[];
}

/** Whether an argument is a glob rather than a path. */
export function isGlob(argument: string): boolean {
  return /[*?]/.test(argument);
}

/** One path segment of a glob as a regular expression: `*` any run, `?` one character, neither across `/` nor at a leading dot. */
export function segmentMatcher(segment: string): RegExp {
  let source = '';
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(segment.startsWith('.') ? `^${source}$` : `^(?!\\.)${source}$`, 'u');
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    // Unreadable or gone: nothing to find there.
    return [];
  }
}

function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Whether a directory entry is a directory or a file, following a symbolic link once. */
function kind(dir: string, entry: Dirent): 'dir' | 'file' | undefined {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return undefined;
  try {
    const stat = statSync(join(dir, entry.name));
    return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** Every `*.json` file under `dir`, sorted; symbolic links to directories are not followed (no loops). */
export function walkJson(dir: string, signal?: AbortSignal): string[] {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length && !signal?.aborted) {
    const current = pending.pop()!;
    for (const entry of entries(current)) {
      if (skipped(entry.name)) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.name.endsWith('.json') && kind(current, entry) === 'file') found.push(path);
    }
  }
  return found.sort();
}

/** The files a glob matches, sorted. */
export function expandGlob(pattern: string, cwd: string, signal?: AbortSignal): string[] {
  const absolute = isAbsolute(pattern);
  const segments = pattern.split(/[\\/]+/).filter((segment, index) => segment !== '' && !(segment === '.' && index > 0));
  // The segments before the first wildcard name a directory to start from.
  let firstGlob = segments.findIndex(isGlob);
  if (firstGlob === -1) firstGlob = segments.length;
  const base = resolve(absolute ? '/' : cwd, ...segments.slice(0, firstGlob));
  const rest: ('**' | RegExp)[] = segments.slice(firstGlob).map((segment) => (segment === '**' ? '**' : segmentMatcher(segment)));
  // A glob ending in `**` means the JSON files below, as a directory argument does.
  if (rest[rest.length - 1] === '**') rest.push(segmentMatcher('*.json'));
  const found = new Set<string>();
  const visit = (dir: string, at: number, seen: Set<string>) => {
    if (signal?.aborted || at >= rest.length) return;
    const part = rest[at];
    if (part === '**') {
      // Zero directories, then one more level (each directory once per position).
      visit(dir, at + 1, seen);
      for (const entry of entries(dir)) {
        if (skipped(entry.name) || !entry.isDirectory()) continue;
        const path = join(dir, entry.name);
        const key = `${at}\n${path}`;
        if (!seen.has(key)) {
          seen.add(key);
          visit(path, at, seen);
        }
      }
      return;
    }
    const last = at === rest.length - 1;
    for (const entry of entries(dir)) {
      if (!part.test(entry.name)) continue;
      const type = kind(dir, entry);
      if (last && type === 'file') found.add(join(dir, entry.name));
      else if (!last && type === 'dir') visit(join(dir, entry.name), at + 1, seen);
    }
  };
  if (rest.length) visit(base, 0, new Set());
  return [...found].sort();
}

/** The files of every argument: a file as named, a directory's `*.json` files, a glob's matches. */
export function findFiles(args: readonly string[], cwd: string, signal?: AbortSignal): FoundFiles {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const argument of args) {
    let matches: string[] = [];
    if (isGlob(argument)) matches = expandGlob(argument, cwd, signal);
    else {
      const path = resolve(cwd, argument);
      try {
        const stat = statSync(path);
        matches = stat.isDirectory() ? walkJson(path, signal) : [path];
      } catch {
        matches = [];
      }
    }
    if (matches.length === 0) unmatched.push(argument);
    for (const match of matches) files.add(match);
  }
  return { files: [...files], unmatched };
}
