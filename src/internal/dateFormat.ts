import { quotedAt, TOKENS } from './read';

/** Why a date format cannot be used (a letter that is no token), or `undefined` when it can. */
export function dateFormatProblem(format: string): string | undefined {
  if (format.trim() === '') return 'an empty date format';
  let hasDay = false;
  for (let index = 0; index < format.length; ) {
    const quoted = quotedAt(format, index);
    if (quoted !== undefined) {
      index = quoted.end;
      continue;
    }
    const token = TOKENS.find(([name]) => format.startsWith(name, index));
    if (token !== undefined) {
      if (token[1] === 'day') hasDay = true;
      index += token[0].length;
      continue;
    }
    const char = format[index] as string;
    if (/[A-Za-z]/.test(char)) {
      return `unknown token "${char}" in date format ${JSON.stringify(format)} (tokens: yyyy yy MM M dd d HH H hh h a mm ss SSS)`;
    }
    index++;
  }
  return hasDay ? undefined : `date format ${JSON.stringify(format)} has no day (dd or d)`;
}
