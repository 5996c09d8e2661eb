import '../../i18n/areas/community';
import { useEffect, useRef, useState } from 'react';
import { useRevalidator } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * With JavaScript, keeps a community page current: it listens to the community's news and reloads
 * the page's data when `wanted` says an event concerns it, announcing it politely to screen
 * readers. Without JavaScript nothing happens: the page is current when loaded or reloaded.
 */
export function CommunityLive({
  groupId,
  source = `/community/live/${groupId}`,
  wanted,
}: {
  groupId: string;
  /** The stream to listen to (a conversation has its own). */
  source?: string;
  wanted: (event: { kind: 'post' | 'comment' | 'message'; postId: string }) => boolean;
}) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [news, setNews] = useState(0);
  const wantedRef = useRef(wanted);
  wantedRef.current = wanted;
  const reload = useRef(revalidator.revalidate);
  reload.current = revalidator.revalidate;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const events = new EventSource(source);
    const onEvent = (kind: 'post' | 'comment' | 'message') => (e: MessageEvent<string>) => {
      const { postId } = JSON.parse(e.data) as { postId: string };
      if (!wantedRef.current({ kind, postId })) return;
      setNews((n) => n + 1);
      void reload.current();
    };
    const lost = () => void reload.current();
    for (const kind of ['post', 'comment', 'message'] as const) events.addEventListener(kind, onEvent(kind));
    events.addEventListener('lost', lost);
    return () => events.close();
  }, [groupId, source]);

  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {news > 0 ? t('community.live', { count: news }) : ''}
    </p>
  );
}
