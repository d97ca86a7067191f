"use client";

export type DownloadOutcome = { ok: true; name: string } | { ok: false; kind: "refused"; status: number; message: string } | { ok: false; kind: "interrupted" };

function fileNameOf(res: Response, fallback: string): string {
  const m = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "");
  return m?.[1] ?? fallback;
}

/**
 * Downloads a file the way every export control does (the export dialog, "download again", the voucher journal):
 * received with fetch and saved only when the response is a file that ended normally. A refusal (404, 409, 429,
 * 503…) comes back as its message for the page to show, never saved as a file that looks like an export; a
 * stream that breaks off saves nothing.
 */
export async function fetchDownload(href: string, fallbackName: string, onBytes?: (bytes: number) => void): Promise<DownloadOutcome> {
  let res: Response;
  try {
    res = await fetch(href, { cache: "no-store" });
  } catch {
    return { ok: false, kind: "interrupted" };
  }
  const isFile = /attachment/i.test(res.headers.get("content-disposition") ?? "");
  if (!res.ok || !res.body || !isFile) {
    const text = res.headers.get("content-type")?.startsWith("text/plain") ? await res.text().catch(() => "") : "";
    return { ok: false, kind: "refused", status: res.status, message: text.slice(0, 400) };
  }
  const name = fileNameOf(res, fallbackName);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  try {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
      bytes += value.byteLength;
      onBytes?.(bytes);
    }
  } catch {
    return { ok: false, kind: "interrupted" };
  }
  const url = URL.createObjectURL(new Blob(chunks, { type: res.headers.get("content-type") ?? "application/octet-stream" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, name };
}
