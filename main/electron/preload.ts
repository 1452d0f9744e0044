/**
 * The preload (bundled to out/electron/preload.cjs: a sandboxed preload must be CommonJS). It gives
 * the page exactly the contract, `window.upstream.invoke` and `.on`, and never ipcRenderer itself,
 * which would let any script in the page send on any channel.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_EVENT, IPC_INVOKE, type UpstreamApi } from '../../shared/api'

const api: UpstreamApi = {
  invoke: (channel, ...input) => ipcRenderer.invoke(IPC_INVOKE, channel, input[0]),
  on(event, listener) {
    // Only the payload crosses: the IpcRendererEvent carries `sender`, i.e. ipcRenderer.
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as Parameters<typeof listener>[0])
    }
    ipcRenderer.on(IPC_EVENT, forward)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward)
    }
  },
}

contextBridge.exposeInMainWorld('upstream', api)
