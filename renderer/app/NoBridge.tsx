/** Shown when the page is opened outside the app (no preload bridge): nothing can be read or saved. */
export function NoBridge() {
  return (
    <main className="screen narrow">
      <h1>ToxinMap cannot reach its database</h1>
      <p>This page must be opened by the ToxinMap application. No patient data can be shown or saved here.</p>
    </main>
  );
}
