/**
 * A table that, on a narrow screen, scrolls sideways inside its own box with its first column
 * kept in view, so the page itself never does (app/globals.css). Focusable, so the keyboard
 * scrolls it too.
 */
export function TableScroll({ children }: { children: React.ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0}>
      {children}
    </div>
  );
}
