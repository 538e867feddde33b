/** One field of a form: a file when it has a file name, else a plain text field. */
export type MultipartPart = { name: string; value: string | Uint8Array; fileName?: string; type?: string };

/**
 * A real multipart/form-data body, encoded by the platform's FormData the way a browser sends it,
 * ready to spread into `inject`. Files without their own type get `fileType`.
 */
export async function multipart(parts: MultipartPart[], fileType = 'application/octet-stream') {
  const form = new FormData();
  for (const part of parts) {
    if (part.fileName !== undefined) {
      const bytes = typeof part.value === 'string' ? new TextEncoder().encode(part.value) : part.value;
      form.append(
        part.name,
        new Blob([new Uint8Array(bytes)], { type: part.type ?? fileType }),
        part.fileName,
      );
    } else form.append(part.name, part.value as string);
  }
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  };
}
