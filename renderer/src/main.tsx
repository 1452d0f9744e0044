import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { api } from './bridge'
import './styles/base.css'
import './styles/shell.css'
import './styles/write.css'
import './styles/lists.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
)
