import { Component, type ErrorInfo, type ReactNode } from "react";

interface ErrorBoundaryProps {
  /** What failed, in the message ("The Parity atlas"). */
  label: string;
  children: ReactNode;
}

/**
 * Keeps an exception in one view from blanking the page: the view is replaced by what went wrong and a
 * button that renders it again; the header, the other tabs and the user's text stay.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the console; the page shows the message itself.
    console.error(error, info.componentStack); // eslint-disable-line no-console
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="view-error" role="alert" data-testid="view-error">
        <h2>{this.props.label} stopped with an error</h2>
        <p>
          <code>{error.message}</code>
        </p>
        <p>Your text and settings are kept. Other tabs still work.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Reload this view
        </button>
      </section>
    );
  }
}
