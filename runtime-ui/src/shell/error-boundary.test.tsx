// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary';

afterEach(cleanup);

let fail = true;
function Fragile() {
  if (fail) throw new Error('the page broke');
  return <p>page content</p>;
}

it('shows a message and a retry instead of a white screen, and renders again on retry', () => {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  render(
    <ErrorBoundary title="Something went wrong" retry="Try again">
      <Fragile />
    </ErrorBoundary>,
  );
  expect(screen.getByRole('alert').textContent).toContain('the page broke');
  fail = false;
  act(() => fireEvent.click(screen.getByText('Try again')));
  expect(screen.getByText('page content')).toBeTruthy();
  quiet.mockRestore();
});

it('clears the error when the page changes', () => {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  fail = true;
  const { rerender } = render(
    <ErrorBoundary title="Oops" retry="Retry" resetKey="/a">
      <Fragile />
    </ErrorBoundary>,
  );
  expect(screen.getByRole('alert')).toBeTruthy();
  fail = false;
  rerender(
    <ErrorBoundary title="Oops" retry="Retry" resetKey="/b">
      <Fragile />
    </ErrorBoundary>,
  );
  expect(screen.getByText('page content')).toBeTruthy();
  quiet.mockRestore();
});
