import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What to show instead of the failed region; gets a reset function. */
  fallback?: (error: unknown, reset: () => void) => ReactNode;
  /** Any change to this value clears the error (e.g. the location). */
  resetKey?: unknown;
}

interface State {
  error: unknown;
  resetKey: unknown;
}

/** Keeps one region's render error (or a failed lazy chunk) from blanking the whole page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('unknown error') };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: undefined, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('[fieldguide] a page region failed to render', error, info.componentStack);
  }

  reset = () => this.setState({ error: undefined });

  override render() {
    if (this.state.error === undefined) return this.props.children;
    if (this.props.fallback) return this.props.fallback(this.state.error, this.reset);
    return (
      <div className="status status--error" role="alert">
        <p className="status__title">This part of the page failed to load.</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
