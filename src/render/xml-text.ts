/**
 * Text for XML: the five special characters escaped, and the characters XML 1.0 cannot hold
 * (C0 controls other than tab and newline, U+FFFE/U+FFFF, lone surrogates) replaced by U+FFFD,
 * so that whatever a delegate typed, the document stays well-formed and says what was typed.
 */
export function xmlText(text: string): string {
  if (!TOUCHED.test(text)) return text;
  return safeXmlChars(text).replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] as string);
}

/** What `xmlText` may change (any surrogate, paired or not, is looked at closely): most texts hold none of it, and one scan says so. */
const TOUCHED = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

export function safeXmlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
