export {
  type CrawlProgress,
  type CrawlSummary,
  type RunCrawlOptions,
  runCrawl,
  type SourceCrawlResult,
} from './pipeline/run-crawl.js';
