export {
  type Catalog,
  type CatalogCluster,
  CatalogError,
  DEFAULT_CATALOG_DIR,
  loadCatalog,
} from './load-catalog.js';
export {
  type CatalogSelection,
  CatalogSelectionError,
  type CatalogSyncResult,
  catalogFieldId,
  catalogOverview,
  selectCatalogSources,
  setCatalogSourcesEnabled,
  syncCatalog,
} from './sync-catalog.js';
