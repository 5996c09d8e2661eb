import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { HydratedRouter } from 'react-router/dom';
import { loadCatalog } from '../i18n/instances';

// The browser first paints the page the server sent (the results are in it), then loads the
// catalog of the page's language only (its own file) and hydrates.
const locale = document.documentElement.lang.startsWith('fr') ? 'fr' : 'en';
// (A page opened in a background tab paints only when shown: it hydrates after a second anyway.)
const painted = new Promise<void>((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve, 0));
  setTimeout(resolve, 1000);
});
void Promise.all([loadCatalog(locale), painted]).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  }),
);
