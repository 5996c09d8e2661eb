/** The hidden CSRF token every POST form of the organizer, admin and account pages carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
