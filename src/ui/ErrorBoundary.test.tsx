// @vitest-environment happy-dom
import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorBoundary } from "./ErrorBoundary";

describe("ErrorBoundary", () => {
  afterEach(() => vi.restoreAllMocks());

  it("shows what failed in place of the view, keeps the rest, and renders the view again on request", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    let broken = true;
    function View() {
      if (broken) throw new Error("cannot read the atlas column");
      return <p>the view</p>;
    }
    render(
      <div>
        <header>header stays</header>
        <ErrorBoundary label="The parity atlas">
          <View />
        </ErrorBoundary>
      </div>,
    );
    expect(screen.getByRole("alert").textContent).toContain("The parity atlas stopped with an error");
    expect(screen.getByText("cannot read the atlas column")).toBeTruthy();
    expect(screen.getByText("header stays")).toBeTruthy();
    broken = false;
    act(() => fireEvent.click(screen.getByRole("button", { name: "Reload this view" })));
    expect(screen.getByText("the view")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
