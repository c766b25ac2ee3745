/**
 * Saves a blob under a file name: an object URL on a temporary <a download>, clicked. The URL
 * is revoked a little later (revoking at once can cancel the download in some browsers).
 */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from parts: anything but letters, digits, '.', '_' and '-' becomes '-'. */
export function fileName(...parts: (string | number)[]): string {
  return parts
    .map((p) => String(p).replace(/[^\w.-]+/g, '-'))
    .filter((p) => p !== '')
    .join('-');
}
