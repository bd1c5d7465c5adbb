export {
  type DemoAccessLogEntry,
  DemoContentError,
  type DemoSite,
  type DemoSites,
  type StartDemoSitesOptions,
  startDemoSites,
} from './demo-sites.js';
export { DEFAULT_DEMO_CONTENT_DIR } from './site-content.js';
