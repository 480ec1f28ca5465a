import type { Status } from '../model/schemas.js';

/** The marker negotiators write after agreed text; open text has none. */
export function statusMarker(status: Status | undefined): string {
  switch (status) {
    case 'agreed':
      return '(Agreed)';
    case 'agreed-ad-ref':
      return '(Agreed ad ref)';
    case 'deleted':
      return '(Deleted)';
    default:
      return '';
  }
}

export function withMarker(text: string, status: Status | undefined): string {
  const marker = statusMarker(status);
  if (marker === '') return text;
  return text === '' ? marker : `${text} ${marker}`;
}
