import { data } from 'react-router';

/** Any unknown path: a 404 page in the visitor's language (the root error boundary renders it). */
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
