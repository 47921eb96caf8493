/**
 * Any element with `data-cookie-settings` opens the preferences: the click is taken here, in
 * the core, because the dialog itself is fetched only when first asked for.
 */
export function openFromSettingsLinks(open: (opener: Element) => void): void {
  document.addEventListener('click', (event) => {
    const trigger = (event.target as Element | null)?.closest?.('[data-cookie-settings]');
    if (!trigger) return;
    event.preventDefault();
    open(trigger);
  });
}
