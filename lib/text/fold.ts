/** Text folded for comparing names and addresses: lower case, no accents, runs of anything but letters and digits as one space ("Nordlys Analytics AB" → "nordlys analytics ab", "São Paulo, SP" → "sao paulo sp"). */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
