import { Component, type ReactNode } from 'react';

/** One per page: a render error shows a message and a retry, never a white screen. */
export class ErrorBoundary extends Component<{ children: ReactNode; title: string; retry: string; resetKey?: string }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="page-error">
        <h2>{this.props.title}</h2>
        <p>{this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          {this.props.retry}
        </button>
      </div>
    );
  }
}
