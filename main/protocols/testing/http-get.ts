/** Fetches a published URL the way a browser would, for the "links open" checks. */
export async function httpGet(url: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  const res = await fetch(url)
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  }
}
