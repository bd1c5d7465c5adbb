import { Link } from 'wouter';
import './pagination.css';

export interface PaginationProps {
  /** 1-based. */
  page: number;
  totalPages: number;
  /** The link to a page. */
  hrefFor: (page: number) => string;
  label?: string;
}

/** Previous / next links with "page X of Y"; real links, so pages can be opened in a new tab or shared. */
export function Pagination({ page, totalPages, hrefFor, label = 'Pages' }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="button" rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="button button--disabled" aria-hidden="true">
          ← Previous
        </span>
      )}
      <span className="pagination__where" aria-current="page">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <Link href={hrefFor(page + 1)} className="button" rel="next">
          Next →
        </Link>
      ) : (
        <span className="button button--disabled" aria-hidden="true">
          Next →
        </span>
      )}
    </nav>
  );
}
