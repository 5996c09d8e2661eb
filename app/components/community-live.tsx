import { useEffect, useRef, useState } from 'react';
import { useRevalidator } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * With JavaScript, keeps a community page current: it listens to the community's news and reloads
 * the page's data when `wanted` says an event concerns it, announcing it politely to screen
 * readers. Without JavaScript nothing happens: the page is current when loaded or reloaded.
 */
export function CommunityLive({ groupId, wanted }: { groupId: string; wanted: (event: { kind: 'post' | 'comment'; postId: string }) => boolean }) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [news, setNews] = useState(0);
  const wantedRef = useRef(wanted);
  wantedRef.current = wanted;
  const reload = useRef(revalidator.revalidate);
  reload.current = revalidator.revalidate;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/community/live/${groupId}`);
    const onEvent = (kind: 'post' | 'comment') => (e: MessageEvent<string>) => {
      const { postId } = JSON.parse(e.data) as { postId: string };
      if (!wantedRef.current({ kind, postId })) return;
      setNews((n) => n + 1);
      void reload.current();
    };
    const post = onEvent('post');
    const comment = onEvent('comment');
    const lost = () => void reload.current();
    source.addEventListener('post', post);
    source.addEventListener('comment', comment);
    source.addEventListener('lost', lost);
    return () => source.close();
  }, [groupId]);

  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {news > 0 ? t('community.live', { count: news }) : ''}
    </p>
  );
}
