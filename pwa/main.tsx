import { render } from 'preact';
import { App } from './app.tsx';
import { createServices, ServicesContext } from './services.ts';
import { registerServiceWorker } from './sw-register.ts';
import './styles.css';

const root = document.getElementById('app') as HTMLElement;

void (async () => {
  try {
    const services = await createServices(() => {
      // The sync engine found the session expired; the next screen change asks for sign-in.
      document.dispatchEvent(new CustomEvent('kakanai:auth-required'));
    });
    render(
      <ServicesContext.Provider value={services}>
        <App />
      </ServicesContext.Provider>,
      root,
    );
  } catch {
    root.innerHTML =
      '<main><p class="message error" role="alert">端末のデータベースを開けませんでした。ブラウザの「サイトデータ」を消去せず、管理者に連絡してください。</p></main>';
  }
  registerServiceWorker();
})();
