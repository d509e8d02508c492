// Where the login form may send the browser afterwards: only a path on our own site. The path is
// resolved the way a browser would (tabs and newlines dropped, backslashes read as slashes,
// "." and ".." segments folded) and kept only if it lands on the public URL's origin.
export function safeNext(next: string | undefined, publicUrl: string): string {
  if (!next || !next.startsWith('/')) return '/';
  let base: URL;
  let target: URL;
  try {
    base = new URL(publicUrl);
    target = new URL(next, base);
  } catch {
    return '/';
  }
  if (target.origin !== base.origin) return '/';
  // What we send back is the resolved path, so it must still read as a path on its own: a
  // path starting with two slashes would be taken as another host by the browser.
  const path = `${target.pathname}${target.search}${target.hash}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return '/';
  return path;
}
