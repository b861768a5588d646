import { useComparisonActions, useNotice } from "../state/comparison-store";

/** A message about the last thing that went wrong (a bad link, an unreadable file) or was done. */
export function NoticeBanner() {
  const notice = useNotice();
  const { notify } = useComparisonActions();
  if (!notice) return null;
  return (
    <div
      className={`notice ${notice.kind}`}
      role={notice.kind === "error" ? "alert" : "status"}
      data-testid="notice"
    >
      <span>{notice.text}</span>
      {notice.action && (
        <button type="button" data-testid="notice-action" onClick={notice.action.run}>
          {notice.action.label}
        </button>
      )}
      <button type="button" onClick={() => notify(null)} aria-label="Dismiss message">
        ✕
      </button>
    </div>
  );
}
