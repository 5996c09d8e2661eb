import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { HydratedRouter } from 'react-router/dom';
import { loadCatalog } from '../i18n/instances';

// The browser loads the catalog of the page's language only (its own file), then hydrates.
const locale = document.documentElement.lang.startsWith('fr') ? 'fr' : 'en';
void loadCatalog(locale).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  }),
);
