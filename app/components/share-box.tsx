import '../../i18n/areas/listing';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's address, ready to copy. With JavaScript, one button shares it through the device's
 * share sheet when there is one, or copies it to the clipboard. No third-party widgets.
 */
export function ShareBox({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'none' | 'share' | 'copy'>('none');
  const [message, setMessage] = useState('');
  useEffect(() => {
    setMode(typeof navigator.share === 'function' ? 'share' : 'copy');
  }, []);

  async function onClick() {
    setMessage('');
    if (mode === 'share') {
      try {
        await navigator.share({ title, url });
      } catch {
        // Dismissing the share sheet is not an error.
      }
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('listing.share.copied'));
    } catch {
      input.current?.select();
      setMessage(t('listing.share.copyFailed'));
    }
  }

  return (
    <section aria-labelledby="share-title" className="share-box">
      <h2 id="share-title">{t('listing.share.title')}</h2>
      <label htmlFor="share-url">{t('listing.share.label')}</label>
      <div className="share-row">
        <input id="share-url" ref={input} type="url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        {mode !== 'none' && (
          <button type="button" onClick={() => void onClick()}>
            {mode === 'share' ? t('listing.share.share') : t('listing.share.copy')}
          </button>
        )}
      </div>
      <p role="status" className="muted">
        {message}
      </p>
    </section>
  );
}
