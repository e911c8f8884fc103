/**
 * Replaces (or creates) a file atomically, for every `anp` command that
 * writes one (`related --write`, `render --out`).
 */
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let temporaryCount = 0;

/**
 * Replaces `file` with `text`: written to a hidden temporary file in the same
 * folder (same file system, so the rename is atomic), flushed, then renamed
 * over it. An existing file keeps its permissions (and owner, where the
 * process may set it); a new one gets the umask's. On any failure, or when
 * `signal` has aborted before the rename, the temporary file is removed and
 * `file` is untouched.
 */
export async function writeAtomically(file: string, text: string, signal: AbortSignal): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${++temporaryCount}.anp-tmp`);
  const existing = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  let handle;
  try {
    handle = await open(temporary, 'wx', existing ? 0o600 : 0o666);
    if (existing) {
      const { mode, uid, gid } = existing;
      // The file's own permissions (not the umask's) and, where allowed, its owner.
      await handle.chmod(mode & 0o7777);
      if (uid !== process.getuid?.() || gid !== process.getgid?.()) await handle.chown(uid, gid).catch(() => {});
    }
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    signal.throwIfAborted();
    await rename(temporary, file);
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}
