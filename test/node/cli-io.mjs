// An Io (src/cli/io.ts) that keeps what a command printed, for tests.
export function memoryIo({ interactive = false, columns = 80, cwd = process.cwd() } = {}) {
  const io = {
    stdout: '',
    stderr: '',
    interactive,
    columns,
    cwd,
    out: (text) => void (io.stdout += text),
    err: (text) => void (io.stderr += text),
  };
  return io;
}
