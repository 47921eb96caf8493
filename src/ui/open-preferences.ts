/** Opens the preferences dialog, creating it at the end of `<body>` the first time. */
export function openPreferences(opener?: Element | null): void {
  let dialog = document.querySelector('cookie-preferences');
  if (!dialog) {
    dialog = document.createElement('cookie-preferences');
    document.body.append(dialog);
  }
  void dialog.show(opener ?? undefined);
}
