import { useRef } from "react";

/** The smallest height a lane can be dragged to (px). */
export const MIN_LANE_HEIGHT = 48;
/** A lane's height before it is resized: the CSS max-height of `.lane-body` (16rem). */
const DEFAULT_LANE_HEIGHT = 256;
/** How much one arrow key press changes the height (px). */
const KEY_STEP = 40;

interface LaneResizeHandleProps {
  laneName: string;
  /** The height set so far (null: the default). */
  height: number | null;
  /** The lane body's height as laid out now. */
  measure(): number;
  onResize(height: number): void;
}

/** The handle under a lane: drag it, or focus it and use ↑/↓, to make the lane taller or shorter. */
export function LaneResizeHandle({ laneName, height, measure, onResize }: LaneResizeHandleProps) {
  const drag = useRef<{ y: number; height: number } | null>(null);
  return (
    <div
      className="lane-resize"
      role="separator"
      aria-orientation="horizontal"
      aria-label={`Resize the ${laneName} lane (arrow keys)`}
      aria-valuemin={MIN_LANE_HEIGHT}
      aria-valuemax={4000}
      aria-valuenow={Math.round(height ?? DEFAULT_LANE_HEIGHT)}
      tabIndex={0}
      data-testid="lane-resize"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { y: event.clientY, height: measure() };
      }}
      onPointerMove={(event) => {
        if (drag.current)
          onResize(Math.max(MIN_LANE_HEIGHT, drag.current.height + event.clientY - drag.current.y));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onKeyDown={(event) => {
        const delta = event.key === "ArrowDown" ? KEY_STEP : event.key === "ArrowUp" ? -KEY_STEP : 0;
        if (delta === 0) return;
        event.preventDefault();
        onResize(Math.max(MIN_LANE_HEIGHT, measure() + delta));
      }}
    />
  );
}
