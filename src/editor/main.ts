import { EditorApp } from './editor-app.js';
import { appView } from './view/app-view.js';

/** The catalogue editor's page: the app renders into #editor and speaks through #announcer. */
const root = document.getElementById('editor');
const announcer = document.getElementById('announcer');
if (root && announcer) {
  root.textContent = '';
  new EditorApp(root, announcer, appView);
}
