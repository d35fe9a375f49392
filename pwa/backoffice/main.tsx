// The back-office dashboard (issue 5): its own page of the build (backoffice.html), served at
// /backoffice and never precached by the tablet's service worker.
import { render } from 'preact';
import { App } from './App.tsx';
import './backoffice.css';

render(<App />, document.getElementById('app') as HTMLElement);
