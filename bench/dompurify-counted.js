// Stands in for 'dompurify' in every benchmark bundle (the runner's esbuild
// plugin resolves the bare import here): the real DOMPurify, with each
// instance's sanitize() counted and timed into globalThis.__anpSanitizeStats (S7).
import realFactory from 'dompurify';

const stats = (globalThis.__anpSanitizeStats ??= { calls: 0, ms: 0 });

function counted(instance) {
  const sanitize = instance.sanitize;
  instance.sanitize = function (...args) {
    const started = performance.now();
    try {
      return sanitize.apply(this, args);
    } finally {
      stats.ms += performance.now() - started;
      stats.calls++;
    }
  };
  return instance;
}

function createDOMPurify(win) {
  return counted(realFactory(win));
}
Object.assign(createDOMPurify, counted(realFactory(globalThis.window)));

export default createDOMPurify;
