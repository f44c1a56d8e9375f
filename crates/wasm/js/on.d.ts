
/**
 * Calls `handler(detail, event)` for every `name` event (e.g. `"sf:ready"`) reaching `target`
 * (default: `document`, where every `sf:*` event arrives: they bubble and are composed).
 * Returns the function that stops listening.
 */
export function on<K extends SchaufensterEventName>(name: K, handler: (detail: SchaufensterEventMap[K], event: CustomEvent<SchaufensterEventMap[K]>) => void, target?: EventTarget): () => void;
