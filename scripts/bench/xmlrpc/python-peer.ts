// Python's xmlrpc.client (expat underneath) timed on the same bytes: a python3 subprocess reads
// each payload from a file and reports its own best-of-N times, so process start-up and pipe
// transfer are not counted against it.
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SCRIPT = String.raw`
import json, sys, time, xmlrpc.client as x

def best(f, runs):
    f()  # warm-up
    b = float('inf')
    for _ in range(runs):
        t = time.perf_counter(); f(); b = min(b, time.perf_counter() - t)
    return b

out = {}
for job in json.load(sys.stdin):
    data = open(job['path'], 'rb').read()
    runs = job['runs']
    decode = best(lambda: x.loads(data), runs)
    params, method = x.loads(data)
    if job['kind'] == 'call':
        encode = best(lambda: x.dumps(params, method).encode('utf-8'), runs)
    else:
        encode = best(lambda: x.dumps(params, methodresponse=True).encode('utf-8'), runs)
    out[job['name']] = {'decode': decode, 'encode': encode}
print(json.dumps(out))
`

export interface PeerTimes {
  /** Best seconds per payload name. */
  [payload: string]: { decode: number; encode: number }
}

export interface PythonJob {
  name: string
  kind: 'call' | 'response'
  bytes: Buffer
  runs: number
}

export async function timePython(dir: string, jobs: PythonJob[]): Promise<PeerTimes> {
  const manifest = jobs.map((j, i) => {
    const path = join(dir, `payload-${i}.xml`)
    writeFileSync(path, j.bytes)
    return { name: j.name, kind: j.kind, path, runs: j.runs }
  })
  const child = spawn('python3', ['-c', SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] })
  child.stdin.end(JSON.stringify(manifest))
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`python3 exited with ${code}`)
  return JSON.parse(stdout) as PeerTimes
}
