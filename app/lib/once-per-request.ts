/**
 * A loader's helper that runs once per request: the layout route of an area and the page inside it
 * load side by side on the same request, and both ask who is signed in and where they are.
 */
export function oncePerRequest<A extends { request: Request }, T>(load: (args: A) => Promise<T>): (args: A) => Promise<T> {
  const loaded = new WeakMap<Request, Promise<T>>();
  return (args) => {
    let answer = loaded.get(args.request);
    if (!answer) {
      answer = load(args);
      loaded.set(args.request, answer);
    }
    return answer;
  };
}
