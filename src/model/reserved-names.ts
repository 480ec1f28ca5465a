/** Names Windows refuses for a file, whatever the extension: no address may be one (`con`, `nul.1`). */
export function isReservedFileName(address: string): boolean {
  return /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.|$)/i.test(address);
}
