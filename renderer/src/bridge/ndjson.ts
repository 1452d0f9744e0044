/** Splits a text stream into lines; a partial last line waits for the next chunk. */
export function lineSplitter(onLine: (line: string) => void): (chunk: string) => void {
  let buffer = ''
  return (chunk) => {
    buffer += chunk
    let newline = buffer.indexOf('\n')
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim()
      buffer = buffer.slice(newline + 1)
      if (line) onLine(line)
      newline = buffer.indexOf('\n')
    }
  }
}

export interface EventLine {
  event: string
  payload: unknown
}

/** Parses one `{"event": name, "payload": …}` line; anything else (heartbeats, junk) is null. */
export function parseEventLine(line: string): EventLine | null {
  try {
    const value: unknown = JSON.parse(line)
    if (typeof value === 'object' && value !== null && typeof (value as EventLine).event === 'string') {
      return { event: (value as EventLine).event, payload: (value as EventLine).payload }
    }
  } catch {
    // not JSON: ignored, the stream goes on
  }
  return null
}
