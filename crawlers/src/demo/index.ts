export {
  type DemoAccessLogEntry,
  DemoContentError,
  type DemoSite,
  type DemoSites,
  type StartDemoSitesOptions,
  startDemoSites,
} from './demo-sites.js';
