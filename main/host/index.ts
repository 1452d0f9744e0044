export { startHost, type Host, type HostOptions } from './host'
